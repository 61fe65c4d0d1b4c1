/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/bitmap.h for mmap-prepare-lint tests. Simple
 * word-by-word implementations (no small-const optimisations).
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/types.h>
#include <linux/bits.h>
#include <linux/bitops.h>

#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = 0;
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~0UL;
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src[i];
}

static inline bool bitmap_and(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	unsigned long res = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		res |= (dst[i] = src1[i] & src2[i]);
	return res != 0;
}

static inline void bitmap_or(unsigned long *dst, const unsigned long *src1,
			     const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] | src2[i];
}

static inline void bitmap_xor(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = src1[i] ^ src2[i];
}

static inline bool bitmap_andnot(unsigned long *dst, const unsigned long *src1,
				 const unsigned long *src2, unsigned int nbits)
{
	unsigned long res = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		res |= (dst[i] = src1[i] & ~src2[i]);
	return res != 0;
}

static inline bool bitmap_equal(const unsigned long *src1,
				const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (src1[i] != src2[i])
			return false;
	return true;
}

static inline bool bitmap_intersects(const unsigned long *src1,
				     const unsigned long *src2,
				     unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (src1[i] & src2[i])
			return true;
	return false;
}

/* Is every bit of src1 also set in src2? */
static inline bool bitmap_subset(const unsigned long *src1,
				 const unsigned long *src2, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (src1[i] & ~src2[i])
			return false;
	return true;
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (src[i])
			return false;
	return true;
}

static inline unsigned int bitmap_weight(const unsigned long *src,
					 unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		w += hweight_long(src[i]);
	return w;
}

#endif /* _LINUX_BITMAP_H */
