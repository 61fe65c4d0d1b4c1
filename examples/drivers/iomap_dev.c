// SPDX-License-Identifier: GPL-2.0
/*
 * iomap_dev - exposes a device's MMIO resource to userspace through a misc
 * device, using vm_iomap_memory().
 *
 * mmap-prepare-lint example: CONVERTIBLE at v7.1+ (vm_iomap_memory() ->
 * mmap_action_simple_ioremap(); vm_private_data/vm_ops -> desc fields).
 * Below v7.1 there is no simple_ioremap action, so the tool should report
 * that the call has no equivalent at the selected target.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>

struct iomap_priv {
	struct miscdevice misc;
	phys_addr_t res_start;
	resource_size_t res_len;
	const char *label;
};

static const char *iomap_vma_name(struct vm_area_struct *vma)
{
	struct iomap_priv *priv = vma->vm_private_data;

	return priv->label;
}

static const struct vm_operations_struct iomap_vm_ops = {
	.access		= generic_access_phys,
	.name		= iomap_vma_name,
};

static int iomap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct iomap_priv *priv = container_of(file->private_data,
					       struct iomap_priv, misc);

	vma->vm_page_prot = pgprot_device(vma->vm_page_prot);
	vma->vm_private_data = priv;
	vma->vm_ops = &iomap_vm_ops;

	return vm_iomap_memory(vma, priv->res_start, priv->res_len);
}

static const struct file_operations iomap_fops = {
	.owner		= THIS_MODULE,
	.mmap		= iomap_mmap,
};

static int iomap_probe(struct platform_device *pdev)
{
	struct iomap_priv *priv;
	struct resource *res;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return -ENODEV;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->res_start = res->start;
	priv->res_len = resource_size(res);
	priv->label = "[iomap_dev]";
	priv->misc.minor = MISC_DYNAMIC_MINOR;
	priv->misc.name = "iomap_dev";
	priv->misc.fops = &iomap_fops;
	priv->misc.parent = &pdev->dev;
	platform_set_drvdata(pdev, priv);

	return misc_register(&priv->misc);
}

static void iomap_remove(struct platform_device *pdev)
{
	struct iomap_priv *priv = platform_get_drvdata(pdev);

	misc_deregister(&priv->misc);
}

static struct platform_driver iomap_driver = {
	.probe		= iomap_probe,
	.remove		= iomap_remove,
	.driver		= {
		.name	= "iomap_dev",
	},
};
module_platform_driver(iomap_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: vm_iomap_memory() of an MMIO resource");
