/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of asm/bitsperlong.h for mmap-prepare-lint tests. The mock headers
 * assume a 64-bit (LP64) target, like x86_64.
 */
#ifndef _ASM_BITSPERLONG_H
#define _ASM_BITSPERLONG_H

#if defined(__SIZEOF_LONG__) && __SIZEOF_LONG__ == 4
#define BITS_PER_LONG 32
#else
#define BITS_PER_LONG 64
#define CONFIG_64BIT 1
#endif
#define BITS_PER_LONG_LONG 64

#endif /* _ASM_BITSPERLONG_H */
