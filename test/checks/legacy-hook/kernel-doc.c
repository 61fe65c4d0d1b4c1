// The kernel-doc block of a converted callback follows it: the name line
// names the new function, the @file and @vma lines (with their continuation
// lines) become one @desc line that keeps the vma line's wording, @vma in
// the text becomes @desc, Return: and the rest stay. A comment that is not
// the function's kernel-doc is left alone.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long regs_pfn;

/**
 * regs_mmap - maps the clock's registers into userspace
 * @file: file structure for the device, which
 *	  carries nothing we need
 * @vma: VMA to map the registers into
 *
 * Calls remap_pfn_range() to map the registers into @vma.
 *
 * Return: 0 on success, a negative errno otherwise.
 */
static int regs_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, regs_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

/**
 * only_file_mmap() - documents the file only
 * @filp: the file
 */
static int only_file_mmap(struct file *filp, struct vm_area_struct *area)
{
	return remap_pfn_range(area, area->vm_start, regs_pfn,
			       area->vm_end - area->vm_start, area->vm_page_prot);
}

/* plain_mmap - not kernel-doc, left as it is */
static int plain_mmap(struct file *file, struct vm_area_struct *vma)
{
	return remap_pfn_range(vma, vma->vm_start, regs_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations regs_fops = {
	.mmap = regs_mmap,
};
// CHECK: kernel-doc.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'regs_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

static const struct file_operations file_fops = {
	.mmap = only_file_mmap,
};
// CHECK: kernel-doc.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'only_file_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

static const struct file_operations plain_fops = {
	.mmap = plain_mmap,
};
// CHECK: kernel-doc.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'plain_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
