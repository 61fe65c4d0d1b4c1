// A static helper that takes the vma, is called only from the callback (or
// from a helper converted with it) and reads only what a descriptor has is
// converted with it: a desc twin, rewritten by the same rules.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ho_pfn;

static void ho_set_prot(struct vm_area_struct *vma);

static bool ho_too_big(struct vm_area_struct *vma, unsigned long limit)
{
	return vma_pages(vma) > limit;
}

static int ho_check(struct vm_area_struct *vma)
{
	if (ho_too_big(vma, 4))
		return -EINVAL;
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	return 0;
}

static void ho_set_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
}

static int ho_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = ho_check(vma);

	if (ret)
		return ret;
	ho_set_prot(vma);
	return remap_pfn_range(vma, vma->vm_start, ho_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations ho_fops = {
	.mmap = ho_mmap,
};
// CHECK-DAG: helper-twin.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ho_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-DAG: helper-twin.c:33:12: note: 'ho_mmap' is defined here
// CHECK-DAG: helper-twin.c:33:12: note: converted together with 'ho_mmap'
// CHECK-DAG: helper-twin.c:23:6: warning: flag tests on the descriptor take bit numbers: vma_desc_test(desc, VMA_EXEC_BIT) [mmap-prepare-vm-flags]
