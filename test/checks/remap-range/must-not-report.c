// Guards in every spelling a driver writes them: nothing to report.
// RUN: %expect-exit 0 %mpl --checks=-*,mmap-prepare-remap-range %s -- %kflags | count 0

#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>

#define BUF_SIZE (16 * PAGE_SIZE)
static void *buf;
static unsigned long base_pfn, nr_pages;
static phys_addr_t res_start;
static unsigned long res_len;

static bool size_ok(struct vm_area_struct *vma)
{
	return vma->vm_end - vma->vm_start <= BUF_SIZE;
}

static int check_desc(struct vm_area_desc *desc)
{
	return vma_desc_pages(desc) > nr_pages ? -EINVAL : 0;
}

static int local_size_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	if (size > BUF_SIZE)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, virt_to_phys(buf) >> PAGE_SHIFT,
			       size, vma->vm_page_prot);
}

static int reversed_pages_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (nr_pages < vma_pages(vma) || vma->vm_pgoff)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int exact_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	mmap_action_remap_full(desc, virt_to_phys(buf) >> PAGE_SHIFT);
	return 0;
}

static int pgoff_bounded_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_pgoff + vma_pages(vma) > nr_pages)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn + vma->vm_pgoff,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int helper_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!size_ok(vma))
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, base_pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int helper_prepare(struct vm_area_desc *desc)
{
	int ret = check_desc(desc);

	if (ret)
		return ret;
	mmap_action_remap_full(desc, base_pfn);
	return 0;
}

static int enclosing_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;

	if (len <= BUF_SIZE) {
		return remap_pfn_range(vma, vma->vm_start, base_pfn, len,
				       vma->vm_page_prot);
	}
	return -EINVAL;
}

static int one_page_prepare(struct vm_area_desc *desc)
{
	mmap_action_remap(desc, desc->start, base_pfn, PAGE_SIZE);
	return 0;
}

static int iomap_mmap(struct file *file, struct vm_area_struct *vma)
{
	/* vm_iomap_memory() refuses a mapping larger than the region itself. */
	return vm_iomap_memory(vma, res_start, res_len);
}

static int shared_check_prepare(struct vm_area_desc *desc)
{
	if (!vma_desc_test(desc, VMA_SHARED_BIT))
		return -EINVAL;
	if (vma_desc_size(desc) > BUF_SIZE)
		return -EINVAL;
	mmap_action_remap_full(desc, base_pfn);
	return 0;
}

int region_get(unsigned long offset, unsigned long size, unsigned long *phys);
int account_memory(unsigned long size);

/* dfl-afu: a helper checks offset and size; its result is tested. */
static int region_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	unsigned long offset = vma->vm_pgoff << PAGE_SHIFT;
	unsigned long phys;
	int ret;

	ret = region_get(offset, size, &phys);
	if (ret)
		return ret;
	return remap_pfn_range(vma, vma->vm_start, (phys + offset) >> PAGE_SHIFT,
			       size, vma->vm_page_prot);
}

/* usbfs: the size is accounted (and refused) before the remap; goto exits. */
static int account_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;
	int ret;

	ret = account_memory(size);
	if (ret)
		goto error;
	return remap_pfn_range(vma, vma->vm_start, base_pfn, size,
			       vma->vm_page_prot);
error:
	return ret;
}

/* pxa3xx-gcu: the offset selects a region, each case checks its size. */
static int switch_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start;

	switch (vma->vm_pgoff) {
	case 0:
		if (size != BUF_SIZE)
			return -EINVAL;
		return remap_pfn_range(vma, vma->vm_start, base_pfn, size,
				       vma->vm_page_prot);
	case BUF_SIZE >> PAGE_SHIFT:
		if (size != PAGE_SIZE)
			return -EINVAL;
		return io_remap_pfn_range(vma, vma->vm_start, base_pfn + 1, size,
					  vma->vm_page_prot);
	}
	return -EINVAL;
}

static const struct file_operations fops[] = {
	{ .mmap = region_mmap },
	{ .mmap = account_mmap },
	{ .mmap = switch_mmap },
	{ .mmap = local_size_mmap },
	{ .mmap = reversed_pages_mmap },
	{ .mmap_prepare = exact_prepare },
	{ .mmap = pgoff_bounded_mmap },
	{ .mmap = helper_mmap },
	{ .mmap_prepare = helper_prepare },
	{ .mmap = enclosing_mmap },
	{ .mmap_prepare = one_page_prepare },
	{ .mmap = iomap_mmap },
	{ .mmap_prepare = shared_check_prepare },
};
