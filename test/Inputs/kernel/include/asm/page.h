/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/page.h (+ page_types.h, page_64.h and
 * asm-generic/memory_model.h) for mmap-prepare-lint tests.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>
#include <linux/bits.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_OFFSET		((unsigned long)0xffff888000000000UL)

static inline unsigned long __phys_addr(unsigned long x)
{
	return x - PAGE_OFFSET;
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x)	__pa(x)

static inline unsigned long virt_to_pfn(const void *kaddr)
{
	return __pa(kaddr) >> PAGE_SHIFT;
}

struct page;

/* asm-generic/memory_model.h: out-of-line in the mock. */
unsigned long __page_to_pfn(const struct page *page);
struct page *__pfn_to_page(unsigned long pfn);

#define page_to_pfn __page_to_pfn
#define pfn_to_page __pfn_to_page

#define virt_to_page(kaddr)	pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define pfn_to_kaddr(pfn)	__va((pfn) << PAGE_SHIFT)
#define virt_addr_valid(kaddr)	((unsigned long)(kaddr) >= PAGE_OFFSET)
#define pfn_valid(pfn)		((pfn) != 0)

#endif /* _ASM_PAGE_H */
