// The only C++ in aberta: a thin C wrapper around ctemplate (see tpl.h).
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <algorithm>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>

#include "view/tpl.h"

using ctemplate::TemplateDictionary;

namespace
{

// Writes expanded template output straight into a C buffer.
class BufEmitter : public ctemplate::ExpandEmitter
{
      public:
	explicit BufEmitter(struct buf *b) : b_(b)
	{
	}
	void Emit(char c) override
	{
		buf_put(b_, &c, 1);
	}
	void Emit(const std::string &s) override
	{
		buf_put(b_, s.data(), s.size());
	}
	void Emit(const char *s) override
	{
		buf_puts(b_, s);
	}
	void Emit(const char *s, size_t len) override
	{
		buf_put(b_, s, len);
	}

      private:
	struct buf *b_;
};

TemplateDictionary *
D(tpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}
tpl_dict *
C(TemplateDictionary *d)
{
	return reinterpret_cast<tpl_dict *>(d);
}

// Variable, section and template names with their ctemplate id computed once per
// process.  A name given as a plain string is hashed on every use and, at every
// SetValue, looked up (under a lock) in ctemplate's global id-to-name map: about a third
// of the time spent filling the dictionary of a big page.  A StaticTemplateString (what
// ctemplate's generated .varnames.h headers hold) carries its id, so ctemplate skips
// both.  The names are the templates' own (a fixed set), copied once and never freed;
// past kMaxNames (something unexpected) they are passed as plain strings again.
constexpr size_t kMaxNames = 4096;

//
// In front of the map, a slot per address of the name: the callers pass mostly string
// literals, so the same address comes back with the same name (checked with strcmp, as
// a name built in a buffer on the stack reuses addresses).
constexpr size_t kSlots = 1024;

ctemplate::TemplateString
Name(const char *name)
{
	// Made once and never destroyed (a static map would be destroyed at exit, leaving the
	// names it holds unreachable: leaks to LeakSanitizer).
	static auto &names =
	    *new std::unordered_map<std::string_view, const ctemplate::StaticTemplateString *>;
	static struct {
		const char                            *addr;
		const ctemplate::StaticTemplateString *sts;
	} slot[kSlots];
	if (name == nullptr)
		name = "";
	auto &sl = slot[(reinterpret_cast<uintptr_t>(name) >> 2) % kSlots];
	if (sl.addr == name && strcmp(sl.sts->do_not_use_directly_.ptr_, name) == 0)
		return ctemplate::TemplateString(*sl.sts);
	std::string_view v(name);
	auto             it = names.find(v);
	if (it != names.end()) {
		sl.addr = name;
		sl.sts = it->second;
		return ctemplate::TemplateString(*it->second);
	}
	if (names.size() >= kMaxNames)
		return ctemplate::TemplateString(v.data(), v.size());
	char *copy = new char[v.size() + 1];
	memcpy(copy, v.data(), v.size());
	copy[v.size()] = '\0';
	auto *sts = new ctemplate::StaticTemplateString{ { copy, v.size(),
	    ctemplate::kIllegalTemplateId } };
	ctemplate::StaticTemplateStringInitializer init(sts); // computes and registers the id
	names.emplace(std::string_view(copy, v.size()), sts);
	sl.addr = name;
	sl.sts = sts;
	return ctemplate::TemplateString(*sts);
}

} // namespace

extern "C" int
tpl_has_pragma(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == nullptr)
		return -1;
	char line[256];
	int  ok = fgets(line, sizeof line, f) != nullptr &&
	    strncmp(line, "{{%AUTOESCAPE context=\"", 23) == 0;
	fclose(f);
	return ok ? 1 : 0;
}

extern "C" int
tpl_init(const char *dir, char *err, size_t errlen)
{
	ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();
	std::string               root(dir);
	if (root.empty() || root.back() != '/')
		root += '/';
	cache->SetTemplateRootDirectory(root);
	DIR *dp = opendir(dir);
	if (dp == nullptr) {
		snprintf(err, errlen, "cannot open template directory %s", dir);
		return -1;
	}
	std::vector<std::string> names;
	while (struct dirent *de = readdir(dp)) {
		size_t n = strlen(de->d_name);
		if (n > 4 && strcmp(de->d_name + n - 4, ".tpl") == 0)
			names.push_back(de->d_name);
	}
	closedir(dp);
	std::sort(names.begin(), names.end());
	if (names.empty()) {
		snprintf(err, errlen, "no templates in %s", dir);
		return -1;
	}
	for (const std::string &n : names) {
		if (tpl_has_pragma((root + n).c_str()) != 1) {
			snprintf(err, errlen,
			    "template %s does not start with the AUTOESCAPE pragma", n.c_str());
			return -1;
		}
		if (!ctemplate::LoadTemplate(n, ctemplate::STRIP_BLANK_LINES)) {
			snprintf(err, errlen, "template %s failed to load (see the log above)",
			    n.c_str());
			return -1;
		}
	}
	cache->Freeze();
	return 0;
}

extern "C" tpl_dict *
tpl_dict_new(void)
{
	try {
		return C(new TemplateDictionary("page"));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void
tpl_dict_free(tpl_dict *d)
{
	delete D(d);
}

extern "C" void
tpl_set(tpl_dict *d, const char *key, const char *val)
{
	D(d)->SetValue(Name(key), val != nullptr ? val : "");
}

extern "C" void
tpl_set_n(tpl_dict *d, const char *key, const char *val, size_t len)
{
	D(d)->SetValue(Name(key), ctemplate::TemplateString(val, len));
}

// Decimal digits of v, without snprintf: a big page sets thousands of numbers, and the
// format parsing of snprintf was the largest share of setting them.
extern "C" void
tpl_set_int(tpl_dict *d, const char *key, long long v)
{
	char               b[24], *p = b + sizeof b;
	unsigned long long u =
	    v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
	do {
		*--p = static_cast<char>('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	D(d)->SetValue(
	    Name(key), ctemplate::TemplateString(p, static_cast<size_t>(b + sizeof b - p)));
}

extern "C" void
tpl_set_global(const char *key, const char *val)
{
	TemplateDictionary::SetGlobalValue(key, val != nullptr ? val : "");
}

extern "C" void
tpl_set_tglobal(tpl_dict *d, const char *key, const char *val)
{
	D(d)->SetTemplateGlobalValue(key, val != nullptr ? val : "");
}

extern "C" void
tpl_set_tglobal_static(tpl_dict *d, const char *key, const char *val)
{
	D(d)->SetTemplateGlobalValueWithoutCopy(key, val != nullptr ? val : "");
}

extern "C" void
tpl_show(tpl_dict *d, const char *section)
{
	D(d)->ShowSection(Name(section));
}

extern "C" tpl_dict *
tpl_section(tpl_dict *d, const char *section)
{
	return C(D(d)->AddSectionDictionary(Name(section)));
}

extern "C" tpl_dict *
tpl_include(tpl_dict *d, const char *name, const char *file)
{
	TemplateDictionary *sub = D(d)->AddIncludeDictionary(Name(name));
	sub->SetFilename(Name(file));
	return C(sub);
}

extern "C" int
tpl_render(const char *file, const tpl_dict *d, struct buf *out)
{
	BufEmitter em(out);
	bool       ok;
	try {
		ok = ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES,
		    reinterpret_cast<const TemplateDictionary *>(d), &em);
	} catch (...) {
		ok = false;
	}
	return ok && !out->oom ? 0 : -1;
}
