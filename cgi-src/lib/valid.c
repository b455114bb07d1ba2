#include <string.h>

#include "lib/utf8.h"
#include "lib/valid.h"

int
valid_utf8(const char *s, size_t len)
{
	unsigned long cp;
	size_t        i, n;

	for (i = 0; i < len; i += n)
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
	return 1;
}

int
valid_int(const char *s, long long min, long long max, long long *out)
{
	long long v = 0;
	size_t    i, len;

	if (s == NULL || (len = strlen(s)) == 0 || len > 18)
		return -1;
	if (s[0] == '0' && len > 1)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
valid_ogp_id(const char *s)
{
	int i;

	if (s == NULL || strlen(s) != 6)
		return 0;
	for (i = 0; i < 2; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	for (i = 2; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
valid_slug(const char *s)
{
	size_t i, len;

	if (s == NULL || (len = strlen(s)) == 0 || len > 80)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int              y, m, d, leap;
	size_t           len;

	if (s == NULL)
		return 0;
	len = strlen(s);
	if ((len != 4 && len != 7 && len != 10) || (y = valid_digits(s, 4)) < 1900 || y > 2200)
		return 0;
	if (len == 4)
		return 1;
	if (s[4] != '-' || (m = valid_digits(s + 5, 2)) < 1 || m > 12)
		return 0;
	if (len == 7)
		return 1;
	if (s[7] != '-' || (d = valid_digits(s + 8, 2)) < 1 || d > mdays[m - 1])
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

int
valid_http_url(const char *s)
{
	size_t i, len, hs;

	if (s == NULL)
		return 0;
	if (strncmp(s, "https://", 8) == 0)
		hs = 8;
	else if (strncmp(s, "http://", 7) == 0)
		hs = 7;
	else
		return 0;
	len = strlen(s);
	if (len <= hs || len > 2048 || s[hs] == '/' || s[hs] == '.')
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f || s[i] == '"' || s[i] == '<' ||
		    s[i] == '>' || s[i] == '\\')
			return 0;
	return valid_utf8(s, len);
}

int
valid_digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
