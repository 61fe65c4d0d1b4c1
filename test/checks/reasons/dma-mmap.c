// Blocked: dma_mmap_coherent() has no mmap_action equivalent.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/dma-mapping.h>

struct dbuf {
	struct device *dev;
	void *cpu_addr;
	dma_addr_t dma_addr;
	size_t size;
};

static int dbuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dbuf *d = file->private_data;

	return dma_mmap_coherent(d->dev, vma, d->cpu_addr, d->dma_addr,
				 d->size);
}

static const struct file_operations dbuf_fops = {
	.mmap = dbuf_mmap,
};
// CHECK: dma-mmap.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'dbuf_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: dma-mmap.c:[[@LINE-12]]:12: note: 'dbuf_mmap' is defined here
// CHECK-NEXT: dma-mmap.c:[[@LINE-9]]:9: note: calls dma_mmap_coherent(){{.*}} [dma-mmap]
