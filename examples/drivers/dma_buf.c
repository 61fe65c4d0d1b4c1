// SPDX-License-Identifier: GPL-2.0
/*
 * dma_buf - hands a coherent DMA buffer to userspace with
 * dma_mmap_coherent(). (A demo device, unrelated to the dma-buf framework.)
 *
 * mmap-prepare-lint example: BLOCKED. dma_mmap_coherent() (a macro around
 * dma_mmap_attrs()) needs the real vm_area_struct and has no mmap_prepare
 * equivalent up to v7.3, so the hook has to stay on .mmap for now.
 */
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>

#define DMABUF_SIZE	(64 * 1024)

struct dmabuf_dev {
	struct miscdevice misc;
	struct device *dev;
	void *cpu_addr;
	dma_addr_t dma_handle;
	size_t size;
};

static int dmabuf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct dmabuf_dev *ddev = container_of(file->private_data,
					       struct dmabuf_dev, misc);
	size_t size = vma->vm_end - vma->vm_start;

	if (vma->vm_pgoff || size > ddev->size)
		return -EINVAL;

	return dma_mmap_coherent(ddev->dev, vma, ddev->cpu_addr,
				 ddev->dma_handle, size);
}

static const struct file_operations dmabuf_fops = {
	.owner		= THIS_MODULE,
	.mmap		= dmabuf_mmap,
};

static int dmabuf_probe(struct platform_device *pdev)
{
	struct dmabuf_dev *ddev;
	int ret;

	ddev = devm_kzalloc(&pdev->dev, sizeof(*ddev), GFP_KERNEL);
	if (!ddev)
		return -ENOMEM;

	ret = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	ddev->dev = &pdev->dev;
	ddev->size = DMABUF_SIZE;
	ddev->cpu_addr = dma_alloc_coherent(ddev->dev, ddev->size,
					    &ddev->dma_handle, GFP_KERNEL);
	if (!ddev->cpu_addr)
		return -ENOMEM;

	ddev->misc.minor = MISC_DYNAMIC_MINOR;
	ddev->misc.name = "dma_buf_demo";
	ddev->misc.fops = &dmabuf_fops;
	ddev->misc.parent = ddev->dev;
	platform_set_drvdata(pdev, ddev);

	ret = misc_register(&ddev->misc);
	if (ret)
		dma_free_coherent(ddev->dev, ddev->size, ddev->cpu_addr,
				  ddev->dma_handle);
	return ret;
}

static void dmabuf_remove(struct platform_device *pdev)
{
	struct dmabuf_dev *ddev = platform_get_drvdata(pdev);

	misc_deregister(&ddev->misc);
	dma_free_coherent(ddev->dev, ddev->size, ddev->cpu_addr,
			  ddev->dma_handle);
}

static struct platform_driver dmabuf_driver = {
	.probe		= dmabuf_probe,
	.remove		= dmabuf_remove,
	.driver		= {
		.name	= "dma_buf_demo",
	},
};
module_platform_driver(dmabuf_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: dma_mmap_coherent() (no mmap_prepare equivalent)");
