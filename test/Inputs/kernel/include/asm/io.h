/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of arch/x86/include/asm/io.h for mmap-prepare-lint tests. */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

static inline phys_addr_t virt_to_phys(volatile void *address)
{
	return __pa(address);
}

static inline void *phys_to_virt(phys_addr_t address)
{
	return __va(address);
}

#define page_to_phys(page)	((dma_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define isa_virt_to_bus		virt_to_phys

void __iomem *ioremap(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_uc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_cache(resource_size_t offset, unsigned long size);
void __iomem *ioremap_prot(resource_size_t offset, unsigned long size,
			   pgprot_t prot);
void iounmap(volatile void __iomem *addr);

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 __force *)addr;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 __force *)addr;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 __force *)addr;
}

static inline void writeb(u8 val, volatile void __iomem *addr)
{
	*(volatile u8 __force *)addr = val;
}

static inline void writew(u16 val, volatile void __iomem *addr)
{
	*(volatile u16 __force *)addr = val;
}

static inline void writel(u32 val, volatile void __iomem *addr)
{
	*(volatile u32 __force *)addr = val;
}

#define ioread32(addr)		readl(addr)
#define iowrite32(val, addr)	writel(val, addr)

#endif /* _ASM_IO_H */
