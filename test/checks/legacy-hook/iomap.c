// vm_iomap_memory() becomes mmap_action_simple_ioremap() (7.1+).
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct res {
	phys_addr_t start;
	unsigned long len;
	void *priv;
};

static int res_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct res *r = file->private_data;

	vma->vm_private_data = r->priv;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, r->start, r->len);
}

static const struct file_operations res_fops = {
	.mmap = res_mmap,
};
// CHECK: iomap.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'res_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
