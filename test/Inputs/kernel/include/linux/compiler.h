/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/compiler.h (+ compiler_types.h, compiler_attributes.h)
 * for mmap-prepare-lint tests. Sparse annotations expand to nothing.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

/* sparse address spaces / checks: no-ops for the compiler */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __bitwise
#define __private
#define __nocast
#define __safe
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define ACCESS_PRIVATE(p, member) ((p)->member)

/* attributes */
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __cold			__attribute__((__cold__))
#define __pure			__attribute__((__pure__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __noreturn		__attribute__((__noreturn__))
#define __weak			__attribute__((__weak__))
#define __section(s)		__attribute__((__section__(s)))
#define __cleanup(func)		__attribute__((__cleanup__(func)))
#define __counted_by(m)
#define __nonstring
#define __randomize_layout
#define __no_randomize_layout
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define __cacheline_aligned
#define __ro_after_init
#define __alloc_size(...)
#define __realloc_size(...)
#define __malloc		__attribute__((__malloc__))
#define fallthrough		__attribute__((__fallthrough__))
#define notrace

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)						\
	do {								\
		*(volatile __typeof__(x) *)&(x) = (val);		\
	} while (0)

#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif /* _LINUX_COMPILER_H */
