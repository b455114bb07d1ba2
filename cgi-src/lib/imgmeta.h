/* imgmeta: removes from an uploaded JPEG or PNG the metadata a photo carries (where and
 * when it was taken, the camera and its serial number, the author, editing history),
 * keeping what the picture needs to be shown as it was: colour profile and orientation. */
#ifndef ABERTA_IMGMETA_H
#define ABERTA_IMGMETA_H
#include <stddef.h>

/* For an image of type mime ("image/jpeg" or "image/png"), makes a copy of in[0..len)
 * without metadata.  JPEG: drops the Exif/XMP (APP1), vendor (APP3-APP13, APP15) and
 * comment segments and anything after the end of the image, and writes back the Exif
 * orientation alone when it was not "upright"; PNG: drops the tEXt, zTXt, iTXt, eXIf and
 * tIME chunks and anything after IEND.  Returns 1 with the copy in *out (free it) and its
 * length in *outlen; 0 for another type (nothing done); -1 when the image's structure is
 * broken or memory runs out. */
int imgmeta_strip(const char *mime, const char *in, size_t len, char **out, size_t *outlen);

#endif
