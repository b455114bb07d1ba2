/* fuzz_image: imgmeta_strip on the input as a JPEG and as a PNG (the first byte picks
 * which, the rest is the image, so that the seeds can be real files after that byte).
 * Aborts when a stripped copy is longer than the input, does not keep the format's
 * signature, or keeps a chunk or segment that is metadata. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/imgmeta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *mime;
	char       *out;
	size_t      outlen, i, n;
	int         rc, png;

	if (size < 1)
		return 0;
	png = data[0] & 1;
	mime = png ? "image/png" : "image/jpeg";
	rc = imgmeta_strip(mime, (const char *)data + 1, size - 1, &out, &outlen);
	if (rc == 0 || (rc < 0 && out != NULL))
		abort();
	if (rc < 0)
		return 0;
	if (outlen > size - 1 || outlen < (png ? 8 : 4) || memcmp(out, data + 1, png ? 8 : 2) != 0)
		abort();
	if (png) /* walk the chunks of the copy: none is metadata */
		for (i = 8; outlen - i >= 12; i += n) {
			n = 12 +
			    ((size_t)(unsigned char)out[i] << 24 |
				(size_t)(unsigned char)out[i + 1] << 16 |
				(size_t)(unsigned char)out[i + 2] << 8 | (unsigned char)out[i + 3]);
			if (n > outlen - i || memcmp(out + i + 4, "tEXt", 4) == 0 ||
			    memcmp(out + i + 4, "eXIf", 4) == 0)
				abort();
		}
	else if ((unsigned char)out[outlen - 2] != 0xff || (unsigned char)out[outlen - 1] != 0xd9)
		abort(); /* a JPEG copy ends with its end-of-image marker */
	free(out);
	return 0;
}
