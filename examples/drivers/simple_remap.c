// SPDX-License-Identifier: GPL-2.0
/*
 * simple_remap - misc device exposing a small, physically contiguous kernel
 * buffer to userspace with remap_pfn_range().
 *
 * mmap-prepare-lint example: CONVERTIBLE. The .mmap hook only edits the
 * page protection and VMA flags, checks the size and remaps the whole VMA,
 * which maps 1:1 onto vm_area_desc fields and mmap_action_remap_full().
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

#define BUF_ORDER	2
#define BUF_SIZE	(PAGE_SIZE << BUF_ORDER)

static void *buf;

static ssize_t foo_read(struct file *file, char __user *ubuf, size_t count,
			loff_t *ppos)
{
	return simple_read_from_buffer(ubuf, count, ppos, buf, BUF_SIZE);
}

static int foo_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_IO | VM_DONTEXPAND | VM_DONTDUMP);

	if (vma->vm_end - vma->vm_start > BUF_SIZE)
		return -EINVAL;

	return remap_pfn_range(vma, vma->vm_start,
			       virt_to_phys(buf) >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations foo_fops = {
	.owner		= THIS_MODULE,
	.llseek		= default_llseek,
	.read		= foo_read,
	.mmap		= foo_mmap,
};

static struct miscdevice foo_misc = {
	.minor		= MISC_DYNAMIC_MINOR,
	.name		= "simple_remap",
	.fops		= &foo_fops,
};

static int __init foo_init(void)
{
	int ret;

	buf = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, BUF_ORDER);
	if (!buf)
		return -ENOMEM;

	ret = misc_register(&foo_misc);
	if (ret)
		free_pages((unsigned long)buf, BUF_ORDER);
	return ret;
}

static void __exit foo_exit(void)
{
	misc_deregister(&foo_misc);
	free_pages((unsigned long)buf, BUF_ORDER);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: whole-buffer remap_pfn_range() mmap");
