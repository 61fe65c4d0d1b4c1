/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/slab.h for mmap-prepare-lint tests.
 *
 * By default the allocators are plain functions (callee name == what the
 * driver wrote). Real kernels since v6.10 spell them as macros around
 * alloc_hooks(*_noprof(...)); define MOCK_KERNEL_ALLOC_HOOKS to get that
 * spelling instead (useful to test macro-expansion handling).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/mock_kernel_api.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/cleanup.h>

/* linux/slab.h: freeptr_t is used by struct vm_area_struct */
typedef struct { unsigned long v; } freeptr_t;

struct kmem_cache;

#ifdef MOCK_KERNEL_ALLOC_HOOKS
#define alloc_hooks(_do_alloc)	({ _do_alloc; })
void *kmalloc_noprof(size_t size, gfp_t flags);
void *kzalloc_noprof(size_t size, gfp_t flags);
void *kcalloc_noprof(size_t n, size_t size, gfp_t flags);
void *kmalloc_array_noprof(size_t n, size_t size, gfp_t flags);
void *krealloc_noprof(const void *p, size_t new_size, gfp_t flags);
void *kvmalloc_noprof(size_t size, gfp_t flags);
void *kvzalloc_noprof(size_t size, gfp_t flags);
void *kmem_cache_alloc_noprof(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_zalloc_noprof(struct kmem_cache *s, gfp_t flags);
#define kmalloc(...)		alloc_hooks(kmalloc_noprof(__VA_ARGS__))
#define kzalloc(...)		alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kcalloc(...)		alloc_hooks(kcalloc_noprof(__VA_ARGS__))
#define kmalloc_array(...)	alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))
#define krealloc(...)		alloc_hooks(krealloc_noprof(__VA_ARGS__))
#define kvmalloc(...)		alloc_hooks(kvmalloc_noprof(__VA_ARGS__))
#define kvzalloc(...)		alloc_hooks(kvzalloc_noprof(__VA_ARGS__))
#define kmem_cache_alloc(...)	alloc_hooks(kmem_cache_alloc_noprof(__VA_ARGS__))
#define kmem_cache_zalloc(...)	alloc_hooks(kmem_cache_zalloc_noprof(__VA_ARGS__))
#else
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags);
#endif

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
void kvfree(const void *addr);
void kmem_cache_free(struct kmem_cache *s, void *objp);
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);

#if MOCK_KERNEL_API >= 703
/* Type-based allocation helpers seen in the v7.3 tree. */
#define __mock_default_gfp(...)	__mock_default_gfp_(, ##__VA_ARGS__, GFP_KERNEL)
#define __mock_default_gfp_(_0, gfp, ...) gfp
#define kmalloc_obj(VAR_OR_TYPE, ...)					\
	((__typeof__(VAR_OR_TYPE) *)kmalloc(sizeof(__typeof__(VAR_OR_TYPE)), \
					    __mock_default_gfp(__VA_ARGS__)))
#define kzalloc_obj(VAR_OR_TYPE, ...)					\
	((__typeof__(VAR_OR_TYPE) *)kzalloc(sizeof(__typeof__(VAR_OR_TYPE)), \
					    __mock_default_gfp(__VA_ARGS__)))
#endif

/*
 * kzalloc_flex(): one object with a flexible array of COUNT elements; the
 * real macro also sets the member's __counted_by counter. The mock's objects
 * name that counter 'count'.
 */
#define kzalloc_flex(VAR, FAM, COUNT)					\
	({								\
		typeof(&(VAR)) __flex = kzalloc(sizeof(VAR) +		\
			(COUNT) * sizeof((VAR).FAM[0]), GFP_KERNEL);	\
		if (__flex)						\
			__flex->count = (COUNT);			\
		__flex;							\
	})

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))

#endif /* _LINUX_SLAB_H */
