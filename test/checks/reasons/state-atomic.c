// Manual: the hook keeps its state in atomic counters of a long-lived object
// (drivers/hwtracing/intel_th/msu.c). As an mmap_prepare hook the counts
// would stay wrong when the mapping merges or fails after it. Stores to an
// object reached through file->private_data are state too.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct msc {
	atomic_t user_count, mmap_count;
	unsigned long nr_pages;
	struct mm_struct *mm;
};

static int msc_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct msc *msc = file->private_data;
	int ret = -EINVAL;

	if (!atomic_inc_unless_negative(&msc->user_count))
		return -EINVAL;
	if (vma_pages(vma) != msc->nr_pages)
		goto out;
	atomic_set(&msc->mmap_count, 1);
	ret = 0;
out:
	if (ret)
		atomic_dec(&msc->user_count);
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return ret;
}
// CHECK: state-atomic.c:25:7: warning: the mmap hook changes msc->user_count with atomic_inc_unless_negative(); the hook may run for a mapping that is then merged or fails, so the count would stay wrong: move it to vm_ops->mapped (7.1+), undone in ->close, or keep .mmap [mmap-prepare-stateful-hook]
// CHECK: state-atomic.c:29:2: warning: the mmap hook changes msc->mmap_count with atomic_set(){{.*}} [mmap-prepare-stateful-hook]
// CHECK: state-atomic.c:33:3: warning: the mmap hook changes msc->user_count with atomic_dec(){{.*}} [mmap-prepare-stateful-hook]

static int owner_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct msc *msc = file->private_data;

	if (!msc->mm)
		msc->mm = vma->vm_mm;
	vm_flags_set(vma, VM_DONTCOPY);
	return 0;
}
// CHECK: state-atomic.c:46:3: warning: the mmap hook stores to msc->mm, which outlives the hook; a merged or failed mapping would leave it changed{{.*}} [mmap-prepare-stateful-hook]
// CHECK: state-atomic.c:47:2: warning: VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_DONTCOPY_BIT) [mmap-prepare-vm-flags]

static const struct file_operations msc_fops = {
	.mmap = msc_mmap,
};
// CHECK: state-atomic.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'msc_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-atomic.c:20:12: note: 'msc_mmap' is defined here
// CHECK-NEXT: state-atomic.c:25:7: note: changes msc->user_count with atomic_inc_unless_negative(){{.*}} [state-in-hook]
// CHECK-NEXT: state-atomic.c:29:2: note: changes msc->mmap_count with atomic_set(){{.*}} [state-in-hook]
// CHECK-NEXT: state-atomic.c:33:3: note: changes msc->user_count with atomic_dec(){{.*}} [state-in-hook]

static const struct file_operations owner_fops = {
	.mmap = owner_mmap,
};
// CHECK: state-atomic.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'owner_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: state-atomic.c:41:12: note: 'owner_mmap' is defined here
// CHECK-NEXT: state-atomic.c:46:3: note: stores to msc->mm{{.*}} [state-in-hook]
