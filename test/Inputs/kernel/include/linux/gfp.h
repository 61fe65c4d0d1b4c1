/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/gfp.h for mmap-prepare-lint tests. gfp_t and the
 * GFP_* flags themselves live in the mock <linux/types.h>.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

struct page;

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp_mask)	alloc_pages(gfp_mask, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
unsigned long get_zeroed_page(gfp_t gfp_mask);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr)		free_pages((addr), 0)
void *alloc_pages_exact(size_t size, gfp_t gfp_mask);
void free_pages_exact(void *virt, size_t size);

#endif /* _LINUX_GFP_H */
