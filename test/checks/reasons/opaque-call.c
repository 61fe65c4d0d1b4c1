// Manual: the callback calls code whose body the tool cannot see: a
// function of another file of the driver (declared here or in a driver
// header, not in the kernel's include directories), directly or through a
// helper of this file, or a function pointer. It may take state or a lock.
// The kernel's API, compile-time asserts and helpers with visible bodies do
// not count; a macro that hides an atomic is seen through.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct op_dev {
	unsigned long pfn;
	atomic_t maps;
	int (*prepare)(struct op_dev *dev);
};

int op_hw_claim(struct op_dev *dev);

static int op_claim_helper(struct op_dev *dev)
{
	return op_hw_claim(dev);
}

#define OP_GET(dev)	atomic_inc(&(dev)->maps)

static int op_size_ok(struct op_dev *dev, unsigned long size)
{
	return size <= PAGE_SIZE && dev->pfn;
}

static int direct_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct op_dev *dev = file->private_data;

	if (op_hw_claim(dev))
		return -EBUSY;
	return remap_pfn_range(vma, vma->vm_start, dev->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

static int helper_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct op_dev *dev = file->private_data;

	if (op_claim_helper(dev))
		return -EBUSY;
	return remap_pfn_range(vma, vma->vm_start, dev->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

static int pointer_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct op_dev *dev = file->private_data;

	if (dev->prepare(dev))
		return -EBUSY;
	return remap_pfn_range(vma, vma->vm_start, dev->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

static int macro_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct op_dev *dev = file->private_data;

	OP_GET(dev);
	return remap_pfn_range(vma, vma->vm_start, dev->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

// Must not report: kernel API, a compile-time assert, a visible helper.
static int visible_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct op_dev *dev = file->private_data;

	BUILD_BUG_ON(sizeof(*dev) == 0);
	if (!op_size_ok(dev, vma->vm_end - vma->vm_start))
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, dev->pfn, PAGE_SIZE,
			       vma->vm_page_prot);
}

static const struct file_operations op_fops[] = {
	{ .mmap = direct_mmap },
	{ .mmap = helper_mmap },
	{ .mmap = pointer_mmap },
	{ .mmap = macro_mmap },
	{ .mmap = visible_mmap },
};
// CHECK: opaque-call.c:87:4: warning: 'file_operations.mmap' is deprecated; 'direct_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: opaque-call.c:34:12: note: 'direct_mmap' is defined here
// CHECK-NEXT: opaque-call.c:38:6: note: calls op_hw_claim(), whose body is in another file: the tool cannot see whether it takes state or a lock that a merged or failed mapping would leave behind; check it, then convert by hand [opaque-call]
// CHECK-NEXT: opaque-call.c:88:4: warning: {{.*}}'helper_mmap' needs manual steps
// CHECK-NEXT: opaque-call.c:44:12: note: 'helper_mmap' is defined here
// CHECK-NEXT: opaque-call.c:48:6: note: calls op_claim_helper(), which calls op_hw_claim(), whose body is in another file:{{.*}} [opaque-call]
// CHECK-NEXT: opaque-call.c:89:4: warning: {{.*}}'pointer_mmap' needs manual steps
// CHECK-NEXT: opaque-call.c:54:12: note: 'pointer_mmap' is defined here
// CHECK-NEXT: opaque-call.c:58:6: note: calls dev->prepare through a function pointer:{{.*}} [opaque-call]
// CHECK-NEXT: opaque-call.c:90:4: warning: {{.*}}'macro_mmap' needs manual steps
// CHECK-NEXT: opaque-call.c:64:12: note: 'macro_mmap' is defined here
// CHECK-NEXT: opaque-call.c:68:2: note: changes the counter in OP_GET(dev) with atomic_inc(){{.*}} [state-in-hook]
// CHECK-NEXT: opaque-call.c:91:4: warning: {{.*}}'visible_mmap' can be converted to mmap_prepare automatically
// CHECK-NEXT: opaque-call.c:74:12: note: 'visible_mmap' is defined here
