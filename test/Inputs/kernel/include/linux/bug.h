/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/bug.h (+ asm-generic/bug.h, linux/build_bug.h,
 * linux/mmdebug.h) for mmap-prepare-lint tests.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

#define BUG()		__builtin_trap()
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#define WARN_ON(cond)		({ int __ret_warn_on = !!(cond); unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
#define WARN(cond, fmt, ...)	WARN_ON(cond)
#define WARN_ONCE(cond, fmt, ...) WARN_ON(cond)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#define BUILD_BUG_ON_ZERO(e)	((int)(sizeof(struct { int:(-!!(e)); })))
#define static_assert(expr, ...) _Static_assert(expr, #expr)

/* linux/mmdebug.h */
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_WARN_ON(cond)	(void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond)	(void)WARN_ON_ONCE(cond)
#define VM_BUG_ON_VMA(cond, vma) BUG_ON(cond)
#define VM_WARN_ON_ONCE_VMA(cond, vma) (void)WARN_ON_ONCE(cond)

#endif /* _LINUX_BUG_H */
