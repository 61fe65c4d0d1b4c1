/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/vmalloc.h for mmap-prepare-lint tests. See the note
 * in the mock <linux/slab.h> about MOCK_KERNEL_ALLOC_HOOKS.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/pgtable_types.h>

struct vm_area_struct;
struct page;

/* vm_struct flags (not VMA flags) */
#define VM_IOREMAP		0x00000001
#define VM_ALLOC		0x00000002
#define VM_MAP			0x00000004
#define VM_USERMAP		0x00000008
#define VM_DMA_COHERENT		0x00000010

#ifdef MOCK_KERNEL_ALLOC_HOOKS
#ifndef alloc_hooks
#define alloc_hooks(_do_alloc)	({ _do_alloc; })
#endif
void *vmalloc_noprof(unsigned long size);
void *vzalloc_noprof(unsigned long size);
void *vmalloc_user_noprof(unsigned long size);
void *vmalloc_32_user_noprof(unsigned long size);
#define vmalloc(...)		alloc_hooks(vmalloc_noprof(__VA_ARGS__))
#define vzalloc(...)		alloc_hooks(vzalloc_noprof(__VA_ARGS__))
#define vmalloc_user(...)	alloc_hooks(vmalloc_user_noprof(__VA_ARGS__))
#define vmalloc_32_user(...)	alloc_hooks(vmalloc_32_user_noprof(__VA_ARGS__))
#else
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *vmalloc_user(unsigned long size);
void *vmalloc_32_user(unsigned long size);
#endif

void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);

struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
bool is_vmalloc_addr(const void *x);

int remap_vmalloc_range_partial(struct vm_area_struct *vma,
				unsigned long uaddr, void *kaddr,
				unsigned long pgoff, unsigned long size);
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr,
			unsigned long pgoff);

#endif /* _LINUX_VMALLOC_H */
