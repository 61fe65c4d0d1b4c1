/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/container_of.h for mmap-prepare-lint tests. */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/stddef.h>

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)((char *)__mptr - offsetof(type, member))); })

#define container_of_const(ptr, type, member) container_of(ptr, type, member)

#endif /* _LINUX_CONTAINER_OF_H */
