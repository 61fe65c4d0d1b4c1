/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/cleanup.h for mmap-prepare-lint tests: a reduced
 * DEFINE_FREE/__free and DEFINE_GUARD/guard/scoped_guard.
 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#include <linux/compiler.h>

#define DEFINE_FREE(_name, _type, _free)				\
	static inline void __free_##_name(void *p)			\
	{ _type _T = *(_type *)p; _free; }

#define __free(_name)	__cleanup(__free_##_name)

#define no_free_ptr(p)	({ __typeof__(p) __ptr = (p); (p) = NULL; __ptr; })
#define return_ptr(p)	return no_free_ptr(p)

#define DEFINE_GUARD(_name, _type, _lock, _unlock)			\
	typedef _type class_##_name##_t;				\
	static inline void class_##_name##_destructor(_type *p)	\
	{ _type _T = *p; if (_T) { _unlock; } }				\
	static inline _type class_##_name##_constructor(_type _T)	\
	{ _lock; return _T; }

#define CLASS(_name, var)						\
	class_##_name##_t var __cleanup(class_##_name##_destructor) =	\
		class_##_name##_constructor

#define guard(_name)	CLASS(_name, __UNIQUE_ID(guard))

#define scoped_guard(_name, args...)					\
	for (CLASS(_name, scope)(args), *__done = NULL; !__done;	\
	     __done = (void *)1)

#endif /* _LINUX_CLEANUP_H */
