// SPDX-License-Identifier: GPL-2.0
/*
 * eagain_mem - a /dev/mem-like window onto a fixed physical range. The file
 * offset selects the page frame, as with /dev/mem.
 *
 * mmap-prepare-lint example: CONVERTIBLE at v7.2+ only. Besides the usual
 * field rewrites, the hook maps any io_remap_pfn_range() failure to -EAGAIN.
 * mmap_prepare expresses that with desc->action.error_override = -EAGAIN,
 * which exists from v7.2; v6.19-v7.1 needed an action.error_hook callback
 * instead, and older kernels have no mmap action at all.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>

struct mem_window {
	unsigned long first_pfn;
	unsigned long nr_pages;
	struct miscdevice misc;
};

static struct mem_window window = {
	.first_pfn	= 0xfed00,
	.nr_pages	= 16,
};

static int window_open(struct inode *inode, struct file *file)
{
	/* misc_open() stored the miscdevice; replace it with our state. */
	file->private_data = &window;
	return 0;
}

static bool window_range_ok(const struct mem_window *w, unsigned long pfn,
			    size_t size)
{
	unsigned long pages = size >> PAGE_SHIFT;

	return pfn >= w->first_pfn && pages <= w->nr_pages &&
	       pfn - w->first_pfn <= w->nr_pages - pages;
}

static int window_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct mem_window *w = file->private_data;
	size_t size = vma->vm_end - vma->vm_start;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	if (!window_range_ok(w, vma->vm_pgoff, size))
		return -EPERM;

	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);

	if (io_remap_pfn_range(vma, vma->vm_start, vma->vm_pgoff, size,
			       vma->vm_page_prot))
		return -EAGAIN;
	return 0;
}

static const struct file_operations window_fops = {
	.owner		= THIS_MODULE,
	.llseek		= noop_llseek,
	.open		= window_open,
	.mmap		= window_mmap,
	.fop_flags	= FOP_UNSIGNED_OFFSET,
};

static int __init window_init(void)
{
	window.misc.minor = MISC_DYNAMIC_MINOR;
	window.misc.name = "eagain_mem";
	window.misc.fops = &window_fops;
	return misc_register(&window.misc);
}

static void __exit window_exit(void)
{
	misc_deregister(&window.misc);
}

module_init(window_init);
module_exit(window_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: /dev/mem-style io_remap_pfn_range() with -EAGAIN");
