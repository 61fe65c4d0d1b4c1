/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/types.h (+ uapi/linux/types.h, asm-generic/int-ll64.h)
 * for mmap-prepare-lint tests. Self-contained: no libc headers are used.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/mock_kernel_api.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <asm/bitsperlong.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef s8			__s8;
typedef u8			__u8;
typedef s16			__s16;
typedef u16			__u16;
typedef s32			__s32;
typedef u32			__u32;
typedef s64			__s64;
typedef u64			__u64;
typedef u16 __bitwise		__le16;
typedef u16 __bitwise		__be16;
typedef u32 __bitwise		__le32;
typedef u32 __bitwise		__be32;
typedef u64 __bitwise		__le64;
typedef u64 __bitwise		__be64;

typedef _Bool			bool;

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ssize_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef unsigned long		ulong;
typedef unsigned int		uint;

typedef long long		loff_t;
typedef long			off_t;
typedef unsigned long		pgoff_t;
typedef u32			dev_t;
typedef unsigned short		umode_t;
typedef int			pid_t;
typedef unsigned int		fmode_t;
typedef u32			uid_t;
typedef u32			gid_t;
typedef long			time64_t;
typedef unsigned int __bitwise	__poll_t;
typedef void			*fl_owner_t;

typedef u64			phys_addr_t;
typedef phys_addr_t		resource_size_t;
typedef u64			dma_addr_t;

typedef unsigned int __bitwise	gfp_t;
typedef unsigned int __bitwise	slab_flags_t;
typedef unsigned int __bitwise	fop_flags_t;

/* GFP flags (values follow include/linux/gfp_types.h closely enough). */
#define ___GFP_DMA		0x01u
#define ___GFP_HIGHMEM		0x02u
#define ___GFP_DMA32		0x04u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define ___GFP_NOWARN		0x2000u
#define ___GFP_ACCOUNT		0x400000u
#define ___GFP_HIGH		0x20u

#define __GFP_DMA		((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM		((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32		((__force gfp_t)___GFP_DMA32)
#define __GFP_IO		((__force gfp_t)___GFP_IO)
#define __GFP_FS		((__force gfp_t)___GFP_FS)
#define __GFP_ZERO		((__force gfp_t)___GFP_ZERO)
#define __GFP_NOWARN		((__force gfp_t)___GFP_NOWARN)
#define __GFP_ACCOUNT		((__force gfp_t)___GFP_ACCOUNT)
#define __GFP_HIGH		((__force gfp_t)___GFP_HIGH)
#define __GFP_DIRECT_RECLAIM	((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO	(__GFP_RECLAIM)
#define GFP_NOFS	(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_DMA		__GFP_DMA
#define GFP_DMA32	__GFP_DMA32
#define GFP_HIGHUSER	(GFP_USER | __GFP_HIGHMEM)

/* Bitmaps */
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef atomic64_t atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

#endif /* _LINUX_TYPES_H */
