/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/ioport.h for mmap-prepare-lint tests. */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/types.h>
#include <linux/bits.h>

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_IRQ		0x00000400

#define DEFINE_RES_MEM(_start, _size)					\
	{ .start = (_start), .end = (_start) + (_size) - 1,		\
	  .flags = IORESOURCE_MEM }

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

struct resource *request_mem_region(resource_size_t start,
				    resource_size_t n, const char *name);
void release_mem_region(resource_size_t start, resource_size_t n);

#endif /* _LINUX_IOPORT_H */
