/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/mm_types.h for mmap-prepare-lint tests.
 *
 * Mirrors the v7.3 declarations of struct vm_area_struct, struct
 * vm_area_desc, struct mmap_action and vma_flags_t, gated on
 * MOCK_KERNEL_API (see <linux/mock_kernel_api.h>) following the history in
 * docs/kernel-api.md. Only the fields drivers touch are present.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/mock_kernel_api.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bits.h>
#include <linux/bitmap.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct file;
struct address_space;
struct anon_vma;
struct vm_operations_struct;
struct vm_area_struct;

struct page {
	unsigned long flags;
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	atomic_t _mapcount;
	atomic_t _refcount;
};

struct folio {
	struct page page;
};

struct mm_struct {
	unsigned long mmap_base;
	unsigned long task_size;
	unsigned long total_vm;
	unsigned long locked_vm;
	unsigned long def_flags;
	atomic_t mm_users;
	atomic_t mm_count;
};

typedef unsigned long vm_flags_t;

/* Page fault handler return values (enum vm_fault_reason). */
typedef __bitwise unsigned int vm_fault_t;

enum vm_fault_reason {
	VM_FAULT_OOM            = (__force vm_fault_t)0x000001,
	VM_FAULT_SIGBUS         = (__force vm_fault_t)0x000002,
	VM_FAULT_MAJOR          = (__force vm_fault_t)0x000004,
	VM_FAULT_HWPOISON       = (__force vm_fault_t)0x000010,
	VM_FAULT_HWPOISON_LARGE = (__force vm_fault_t)0x000020,
	VM_FAULT_SIGSEGV        = (__force vm_fault_t)0x000040,
	VM_FAULT_NOPAGE         = (__force vm_fault_t)0x000100,
	VM_FAULT_LOCKED         = (__force vm_fault_t)0x000200,
	VM_FAULT_RETRY          = (__force vm_fault_t)0x000400,
	VM_FAULT_FALLBACK       = (__force vm_fault_t)0x000800,
	VM_FAULT_DONE_COW       = (__force vm_fault_t)0x001000,
	VM_FAULT_NEEDDSYNC      = (__force vm_fault_t)0x002000,
	VM_FAULT_COMPLETED      = (__force vm_fault_t)0x004000,
	VM_FAULT_HINDEX_MASK    = (__force vm_fault_t)0x0f0000,
};

#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS |		\
			VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON |		\
			VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

#if MOCK_KERNEL_API >= 619
/* What action should be taken after an .mmap_prepare call is complete? */
enum mmap_action_type {
	MMAP_NOTHING,		/* Mapping is complete, no further action. */
	MMAP_REMAP_PFN,		/* Remap PFN range. */
	MMAP_IO_REMAP_PFN,	/* I/O remap PFN range. */
#if MOCK_KERNEL_API >= 701
	MMAP_SIMPLE_IO_REMAP,	/* I/O remap with guardrails. */
	MMAP_MAP_KERNEL_PAGES,	/* Map kernel page range from array. */
#endif
};

/*
 * Describes an action an mmap_prepare hook can instruct to be taken to
 * complete the mapping of a VMA. Specified in vm_area_desc. Drivers must use
 * the mmap_action_*() helpers rather than writing these fields (error
 * override / hooks excepted).
 */
struct mmap_action {
	union {
		struct {
			unsigned long start;
			unsigned long start_pfn;
			unsigned long size;
			pgprot_t pgprot;
		} remap;
#if MOCK_KERNEL_API >= 701
		struct {
			phys_addr_t start_phys_addr;
			unsigned long size;
		} simple_ioremap;
		struct {
			unsigned long start;
			struct page **pages;
			unsigned long nr_pages;
			pgoff_t pgoff;
		} map_kernel;
#endif
	};
	enum mmap_action_type type;

#if MOCK_KERNEL_API >= 702
	/*
	 * If non-zero, replace errors that arise from mmap actions with this
	 * value instead. Only valid error codes may be specified.
	 */
	int error_override;
#else
	/*
	 * If specified, this hook is invoked after the selected action has
	 * been successfully completed. (v6.19 .. v7.1)
	 */
	int (*success_hook)(const struct vm_area_struct *vma);
	/*
	 * If specified, this hook is invoked when an error occurred when
	 * attempting the selected action. (v6.19 .. v7.1)
	 */
	int (*error_hook)(int err);
#endif

	/*
	 * This should be set in rare instances where the operation required
	 * that the rmap should not be able to access the VMA until
	 * completely set up.
	 */
	bool hide_from_rmap_until_complete :1;
};

/*
 * Opaque type representing current VMA (vm_area_struct) flag state. Must be
 * accessed via vma_flags_xxx() helper functions.
 */
#define NUM_VMA_FLAG_BITS BITS_PER_LONG
typedef struct {
#if MOCK_KERNEL_API >= 700
	DECLARE_BITMAP(__vma_flags, NUM_VMA_FLAG_BITS);
#else
	DECLARE_BITMAP(__vma_flags, NUM_VMA_FLAG_BITS) __private;
#endif
} vma_flags_t;

#define EMPTY_VMA_FLAGS ((vma_flags_t){ })

#if MOCK_KERNEL_API >= 701
/* Are no flags set in the specified VMA flags? */
static __always_inline bool vma_flags_empty(const vma_flags_t *flags)
{
	const unsigned long *bitmap = flags->__vma_flags;

	return bitmap_empty(bitmap, NUM_VMA_FLAG_BITS);
}
#endif
#endif /* MOCK_KERNEL_API >= 619 */

#if MOCK_KERNEL_API >= 616
/*
 * Describes a VMA that is about to be mmap()'ed. Drivers may choose to
 * manipulate mutable fields which will cause those fields to be updated in
 * the resultant VMA.
 */
struct vm_area_desc {
	/* Immutable state. */
#if MOCK_KERNEL_API >= 701
	struct mm_struct *mm;
	struct file *file; /* May vary from vm_file in stacked callers. */
#else
	const struct mm_struct *const mm;
	struct file *const file; /* May vary from vm_file in stacked callers. */
#endif
	unsigned long start;
	unsigned long end;

	/* Mutable fields. Populated with initial state. */
	pgoff_t pgoff;
	struct file *vm_file;
#if MOCK_KERNEL_API >= 700
	vma_flags_t vma_flags;
#elif MOCK_KERNEL_API >= 619
	union {
		vm_flags_t vm_flags;
		vma_flags_t vma_flags;
	};
#else
	vm_flags_t vm_flags;
#endif
	pgprot_t page_prot;

	/* Write-only fields. */
	const struct vm_operations_struct *vm_ops;
	void *private_data;

#if MOCK_KERNEL_API >= 619
	/* Take further action? */
	struct mmap_action action;
#endif
};
#endif /* MOCK_KERNEL_API >= 616 */

/*
 * This struct describes a virtual memory area. There is one of these
 * per VM-area/task.
 */
struct vm_area_struct {
	/* The first cache line has the info for VMA tree walking. */
	union {
		struct {
			/* VMA covers [vm_start; vm_end) addresses within mm */
			unsigned long vm_start;
			unsigned long vm_end;
		};
		freeptr_t vm_freeptr; /* Pointer used by SLAB_TYPESAFE_BY_RCU */
	};

	struct mm_struct *vm_mm;	/* The address space we belong to. */
	pgprot_t vm_page_prot;          /* Access permissions of this VMA. */

	/*
	 * Flags, see mm.h.
	 * To modify use vm_flags_{init|reset|set|clear|mod} functions.
	 */
#if MOCK_KERNEL_API >= 619
	union {
		/* Temporary while VMA flags are being converted. */
		const vm_flags_t vm_flags;
		vma_flags_t flags;
	};
#elif MOCK_KERNEL_API >= 616
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __private __vm_flags;
	};
#else
	/* Mock simplification: writable, so pre-6.3-style code compiles. */
	vm_flags_t vm_flags;
#endif

	struct anon_vma *anon_vma;	/* Serialized by page_table_lock */

	/* Function pointers to deal with this struct. */
	const struct vm_operations_struct *vm_ops;

	/* Information about our backing store: */
	unsigned long vm_pgoff;		/* Offset (within vm_file) in PAGE_SIZE
					   units */
	struct file *vm_file;		/* File we map to (can be NULL). */
	void *vm_private_data;		/* was vm_pte (shared mem) */
};

#if MOCK_KERNEL_API >= 619
/* Clears all bits in the VMA flags bitmap, non-atomically. */
static __always_inline void vma_flags_clear_all(vma_flags_t *flags)
{
	bitmap_zero(flags->__vma_flags, NUM_VMA_FLAG_BITS);
}

/*
 * Copy value to the first system word of VMA flags, non-atomically.
 */
static __always_inline void vma_flags_overwrite_word(vma_flags_t *flags,
		unsigned long value)
{
	unsigned long *bitmap = flags->__vma_flags;

	bitmap[0] = value;
}

/* Copy value to the first system word of VMA flags ONCE, non-atomically. */
static __always_inline void vma_flags_overwrite_word_once(vma_flags_t *flags,
		unsigned long value)
{
	unsigned long *bitmap = flags->__vma_flags;

	WRITE_ONCE(*bitmap, value);
}

/* Update the first system word of VMA flags setting bits, non-atomically. */
static __always_inline void vma_flags_set_word(vma_flags_t *flags,
		unsigned long value)
{
	unsigned long *bitmap = flags->__vma_flags;

	*bitmap |= value;
}

/* Update the first system word of VMA flags clearing bits, non-atomically. */
static __always_inline void vma_flags_clear_word(vma_flags_t *flags,
		unsigned long value)
{
	unsigned long *bitmap = flags->__vma_flags;

	*bitmap &= ~value;
}

#if MOCK_KERNEL_API >= 701
/*
 * Helper function which converts a vma_flags_t value to a legacy vm_flags_t
 * value.
 */
static __always_inline vm_flags_t vma_flags_to_legacy(vma_flags_t flags)
{
	return (vm_flags_t)flags.__vma_flags[0];
}

/*
 * Helper function which converts a legacy vm_flags_t value to a vma_flags_t
 * value.
 */
static __always_inline vma_flags_t legacy_to_vma_flags(vm_flags_t flags)
{
	vma_flags_t ret = EMPTY_VMA_FLAGS;

	vma_flags_overwrite_word(&ret, flags);
	return ret;
}
#endif /* MOCK_KERNEL_API >= 701 */
#endif /* MOCK_KERNEL_API >= 619 */

#endif /* _LINUX_MM_TYPES_H */
