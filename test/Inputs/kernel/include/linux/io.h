/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/io.h for mmap-prepare-lint tests. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/err.h>
#include <asm/io.h>
#include <asm/page.h>

struct device;

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset,
			      resource_size_t size);

enum {
	MEMREMAP_WB = 1 << 0,
	MEMREMAP_WT = 1 << 1,
	MEMREMAP_WC = 1 << 2,
	MEMREMAP_ENC = 1 << 3,
	MEMREMAP_DEC = 1 << 4,
};

void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);

int arch_phys_wc_add(unsigned long base, unsigned long size);
void arch_phys_wc_del(int handle);

#endif /* _LINUX_IO_H */
