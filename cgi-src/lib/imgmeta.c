/* imgmeta: removes the metadata of uploaded JPEG and PNG images (see imgmeta.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/imgmeta.h"

#define EXIF_ORIENTATION 0x0112 /* the TIFF tag of the orientation */
#define TIFF_SHORT       3      /* its type */

/* A 16- or 32-bit number at p, little-endian when le, else big-endian. */
static unsigned
rd16(const unsigned char *p, int le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static unsigned long
rd32(const unsigned char *p, int le)
{
	return le ? (unsigned long)rd16(p, 1) | (unsigned long)rd16(p + 2, 1) << 16
		  : (unsigned long)rd16(p, 0) << 16 | rd16(p + 2, 0);
}

/* The orientation (2-8) the Exif block p[0..n) (an APP1 segment's data) gives its first
 * image, or 0 when it gives none, says upright (1), or cannot be read. */
static unsigned
exif_orientation(const unsigned char *p, size_t n)
{
	const unsigned char *t = p + 6, *e;
	size_t               tn, i, cnt;
	unsigned long        ifd;
	unsigned             v;
	int                  le;

	/* 32 bytes at least (what exif_write puts back), so that the copy never grows. */
	if (n < 32 || memcmp(p, "Exif\0\0", 6) != 0)
		return 0;
	tn = n - 6;
	if (memcmp(t, "II*\0", 4) == 0)
		le = 1;
	else if (memcmp(t, "MM\0*", 4) == 0)
		le = 0;
	else
		return 0;
	ifd = rd32(t + 4, le);
	if (ifd < 8 || ifd > tn || tn - ifd < 2)
		return 0;
	cnt = rd16(t + ifd, le);
	for (i = 0; i < cnt && (tn - ifd - 2) / 12 > i; i++) {
		e = t + ifd + 2 + 12 * i;
		if (rd16(e, le) == EXIF_ORIENTATION && rd16(e + 2, le) == TIFF_SHORT &&
		    rd32(e + 4, le) == 1) {
			v = rd16(e + 8, le);
			return v >= 2 && v <= 8 ? v : 0;
		}
	}
	return 0;
}

/* Writes at o an APP1 segment holding only the orientation v; returns its length. */
static size_t
exif_write(unsigned char *o, unsigned v)
{
	static const unsigned char seg[] = {
		0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,  /* marker, length 34 */
		'M', 'M', 0, '*', 0, 0, 0, 8,                      /* TIFF header */
		0, 1,                                              /* one entry */
		0x01, 0x12, 0, TIFF_SHORT, 0, 0, 0, 1, 0, 0, 0, 0, /* orientation */
		0, 0, 0, 0                                         /* no next IFD */
	};

	memcpy(o, seg, sizeof seg);
	o[29] = (unsigned char)v;
	return sizeof seg;
}

/* 1 for the JPEG segments that are metadata only: APP1 (Exif, XMP), APP3-APP13 (vendor
 * data, Photoshop/IPTC), APP15 and comments.  APP0 (JFIF), APP2 (ICC profile) and APP14
 * (Adobe colour transform) change how the picture looks and stay. */
static int
jpeg_metadata(unsigned m)
{
	return m == 0xE1 || (m >= 0xE3 && m <= 0xED) || m == 0xEF || m == 0xFE;
}

/* Skips the entropy-coded data of a scan from d[i]: returns the offset of the next
 * marker (an 0xFF that is not a stuffed 0xFF00 or a restart marker), or len. */
static size_t
jpeg_scan_end(const unsigned char *d, size_t i, size_t len)
{
	for (; i + 1 < len; i++)
		if (d[i] == 0xFF && d[i + 1] != 0x00 && !(d[i + 1] >= 0xD0 && d[i + 1] <= 0xD7))
			return i;
	return len;
}

static int
jpeg_strip(const unsigned char *d, size_t len, unsigned char *o, size_t *olen)
{
	size_t   i = 2, w = 2, seg, end;
	unsigned m, v;
	int      oriented = 0;

	if (len < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return -1;
	memcpy(o, d, 2);
	while (i + 1 < len) {
		if (d[i] != 0xFF)
			return -1;
		if ((m = d[i + 1]) == 0xFF) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0xD9) { /* end of image: drop what follows */
			memcpy(o + w, d + i, 2);
			*olen = w + 2;
			return 0;
		}
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
			memcpy(o + w, d + i, 2);
			w += 2;
			i += 2;
			continue;
		}
		if (i + 4 > len || (seg = rd16(d + i + 2, 0)) < 2 || seg > len - i - 2)
			return -1;
		end = i + 2 + seg;
		if (m == 0xE1 && !oriented && (v = exif_orientation(d + i + 4, seg - 2)) != 0) {
			w += exif_write(o + w, v);
			oriented = 1;
		} else if (!jpeg_metadata(m)) {
			memcpy(o + w, d + i, end - i);
			w += end - i;
		}
		if (m == 0xDA) { /* start of scan: copy its data */
			i = jpeg_scan_end(d, end, len);
			memcpy(o + w, d + end, i - end);
			w += i - end;
		} else
			i = end;
	}
	return -1; /* no end of image */
}

/* 1 for the PNG chunks that are metadata only. */
static int
png_metadata(const unsigned char *type)
{
	static const char *const drop[] = { "tEXt", "zTXt", "iTXt", "eXIf", "tIME" };
	size_t                   k;

	for (k = 0; k < sizeof drop / sizeof drop[0]; k++)
		if (memcmp(type, drop[k], 4) == 0)
			return 1;
	return 0;
}

static int
png_strip(const unsigned char *d, size_t len, unsigned char *o, size_t *olen)
{
	size_t        i = 8, w = 8, n;
	unsigned long clen;

	if (len < 8 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0)
		return -1;
	memcpy(o, d, 8);
	while (len - i >= 12) {
		clen = rd32(d + i, 0);
		if (clen > 0x7FFFFFFFUL || clen > len - i - 12)
			return -1;
		n = 12 + (size_t)clen;
		if (!png_metadata(d + i + 4)) {
			memcpy(o + w, d + i, n);
			w += n;
		}
		if (memcmp(d + i + 4, "IEND", 4) == 0) { /* drop what follows */
			*olen = w;
			return 0;
		}
		i += n;
	}
	return -1; /* no IEND */
}

int
imgmeta_strip(const char *mime, const char *in, size_t len, char **out, size_t *outlen)
{
	int (*strip)(const unsigned char *, size_t, unsigned char *, size_t *);
	unsigned char *o;

	*out = NULL;
	*outlen = 0;
	if (strcmp(mime, "image/jpeg") == 0)
		strip = jpeg_strip;
	else if (strcmp(mime, "image/png") == 0)
		strip = png_strip;
	else
		return 0;
	/* The copy is never longer: the orientation segment written back is no longer
	 * than the Exif segment it came from. */
	if ((o = malloc(len > 0 ? len : 1)) == NULL)
		return -1;
	if (strip((const unsigned char *)in, len, o, outlen) != 0) {
		free(o);
		return -1;
	}
	*out = (char *)o;
	return 1;
}
