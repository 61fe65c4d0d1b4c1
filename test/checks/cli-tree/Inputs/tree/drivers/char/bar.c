// A blocked callback (cli-tree tests).
#include <linux/fs.h>
#include <linux/dma-mapping.h>

struct bdev { struct device *dev; void *cpu; dma_addr_t dma; size_t size; };

static int bar_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct bdev *b = file->private_data;

	return dma_mmap_coherent(b->dev, vma, b->cpu, b->dma, b->size);
}

static const struct file_operations bar_fops = {
	.mmap = bar_mmap,
};
