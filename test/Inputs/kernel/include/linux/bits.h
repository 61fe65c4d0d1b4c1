/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/bits.h (+ vdso/bits.h) for mmap-prepare-lint tests. */
#ifndef _LINUX_BITS_H
#define _LINUX_BITS_H

#include <asm/bitsperlong.h>

#define _AC(X, Y)		(X##Y)
#define _UL(x)			(_AC(x, UL))
#define _ULL(x)			(_AC(x, ULL))
#define _BITUL(x)		(_UL(1) << (x))
#define _BITULL(x)		(_ULL(1) << (x))

#define BIT(nr)			(1UL << (nr))
#define BIT_ULL(nr)		(1ULL << (nr))
#define BIT_MASK(nr)		(1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define BITS_PER_BYTE		8

#define GENMASK(h, l) \
	(((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) \
	(((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))))

#endif /* _LINUX_BITS_H */
