/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/uaccess.h for mmap-prepare-lint tests. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

unsigned long __must_check copy_to_user(void __user *to, const void *from,
					unsigned long n);
unsigned long __must_check copy_from_user(void *to, const void __user *from,
					  unsigned long n);
unsigned long __must_check clear_user(void __user *mem, unsigned long len);

#define access_ok(addr, size)	((void)(addr), (void)(size), 1)

#define get_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __gu_val = (__typeof__(*(ptr)))0;		\
	(void)(ptr);							\
	(x) = __gu_val;							\
	0;								\
})

#define put_user(x, ptr)						\
({									\
	__typeof__(*(ptr)) __pu_val = (x);				\
	(void)__pu_val;							\
	(void)(ptr);							\
	0;								\
})

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

#endif /* _LINUX_UACCESS_H */
