/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/pgtable_types.h for mmap-prepare-lint tests:
 * pgprot_t and the page cache-mode helpers.
 */
#ifndef _ASM_PGTABLE_TYPES_H
#define _ASM_PGTABLE_TYPES_H

#include <linux/types.h>

typedef unsigned long pgprotval_t;
typedef struct { pgprotval_t pgprot; } pgprot_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct page *pgtable_t;

#define pgprot_val(x)	((x).pgprot)
#define __pgprot(x)	((pgprot_t) { (x) })

#define _PAGE_PRESENT	0x001UL
#define _PAGE_RW	0x002UL
#define _PAGE_USER	0x004UL
#define _PAGE_PWT	0x008UL
#define _PAGE_PCD	0x010UL
#define _PAGE_PAT	0x080UL
#define _PAGE_ENC	0x0UL
#define _PAGE_CACHE_MASK (_PAGE_PWT | _PAGE_PCD | _PAGE_PAT)

#define PAGE_NONE	__pgprot(0)
#define PAGE_SHARED	__pgprot(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)
#define PAGE_READONLY	__pgprot(_PAGE_PRESENT | _PAGE_USER)
#define PAGE_KERNEL	__pgprot(_PAGE_PRESENT | _PAGE_RW)

enum page_cache_mode {
	_PAGE_CACHE_MODE_WB       = 0,
	_PAGE_CACHE_MODE_WC       = 1,
	_PAGE_CACHE_MODE_UC_MINUS = 2,
	_PAGE_CACHE_MODE_UC       = 3,
	_PAGE_CACHE_MODE_WT       = 4,
	_PAGE_CACHE_MODE_WP       = 5,
};

static inline unsigned long cachemode2protval(enum page_cache_mode pcm)
{
	switch (pcm) {
	case _PAGE_CACHE_MODE_WC:
		return _PAGE_PWT;
	case _PAGE_CACHE_MODE_UC_MINUS:
		return _PAGE_PCD;
	case _PAGE_CACHE_MODE_UC:
		return _PAGE_PCD | _PAGE_PWT;
	default:
		return 0;
	}
}

/* x86 declares this out of line and defines the name to itself. */
extern pgprot_t pgprot_writecombine(pgprot_t prot);
#define pgprot_writecombine pgprot_writecombine
extern pgprot_t pgprot_writethrough(pgprot_t prot);
#define pgprot_writethrough pgprot_writethrough

#endif /* _ASM_PGTABLE_TYPES_H */
