// Manual: the page-table call runs with a lock held that the callback
// releases before it returns (fs/resctrl/pseudo_lock.c in Linux 6.12). An
// mmap action runs after the hook has returned, after the unlock, when the
// memory the lock kept alive may be gone. Locks taken by guard() and
// scoped_guard() are released at the end of their scope, after the call.
// Locks released before the call, or only on a path that returns early, are
// not held at it.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

struct region {
	void *kmem;
	unsigned long size;
	struct mutex lock;
	spinlock_t slock;
	unsigned long pfn;
};

static DEFINE_MUTEX(region_mutex);

static int region_mmap(struct file *filp, struct vm_area_struct *vma)
{
	unsigned long vsize = vma->vm_end - vma->vm_start;
	struct region *r;
	unsigned long physical;

	mutex_lock(&region_mutex);
	r = filp->private_data;
	if (!r) {
		mutex_unlock(&region_mutex);
		return -ENODEV;
	}
	physical = __pa(r->kmem) >> PAGE_SHIFT;
	if (vsize > r->size) {
		mutex_unlock(&region_mutex);
		return -ENOSPC;
	}
	if (remap_pfn_range(vma, vma->vm_start, physical + vma->vm_pgoff,
			    vsize, vma->vm_page_prot)) {
		mutex_unlock(&region_mutex);
		return -EAGAIN;
	}
	mutex_unlock(&region_mutex);
	return 0;
}

static int guarded_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct region *r = filp->private_data;

	guard(mutex)(&r->lock);
	return remap_pfn_range(vma, vma->vm_start, r->pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static int scoped_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct region *r = filp->private_data;
	int ret;

	scoped_guard(spinlock, &r->slock)
		ret = remap_pfn_range(vma, vma->vm_start, r->pfn,
				      vma->vm_end - vma->vm_start,
				      vma->vm_page_prot);
	return ret;
}

static int irqsave_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct region *r = filp->private_data;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&r->slock, flags);
	ret = io_remap_pfn_range(vma, vma->vm_start, r->pfn,
				 vma->vm_end - vma->vm_start, vma->vm_page_prot);
	spin_unlock_irqrestore(&r->slock, flags);
	return ret;
}

// Must not report: the value is read under the lock, the remap runs after
// the unlock in the legacy code too.
static int unlocked_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct region *r = filp->private_data;
	unsigned long pfn;

	mutex_lock(&r->lock);
	pfn = r->pfn;
	mutex_unlock(&r->lock);
	return remap_pfn_range(vma, vma->vm_start, pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

// Must not report: the lock is taken and released only on a path that
// returns.
static int early_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct region *r = filp->private_data;
	int ret;

	if (!r->pfn) {
		mutex_lock(&r->lock);
		ret = r->size ? -EBUSY : -ENODEV;
		mutex_unlock(&r->lock);
		return ret;
	}
	return remap_pfn_range(vma, vma->vm_start, r->pfn,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static const struct file_operations region_fops = {
	.mmap = region_mmap,
};
static const struct file_operations guarded_fops = {
	.mmap = guarded_mmap,
};
static const struct file_operations scoped_fops = {
	.mmap = scoped_mmap,
};
static const struct file_operations irqsave_fops = {
	.mmap = irqsave_mmap,
};
static const struct file_operations unlocked_fops = {
	.mmap = unlocked_mmap,
};
static const struct file_operations early_fops = {
	.mmap = early_mmap,
};
// CHECK: action-under-lock.c:118:2: warning: 'file_operations.mmap' is deprecated; 'region_mmap' needs manual steps to move to mmap_prepare [mmap-prepare-legacy-hook]
// CHECK-NEXT: action-under-lock.c:26:12: note: 'region_mmap' is defined here
// CHECK-NEXT: action-under-lock.c:43:6: note: remap_pfn_range() runs with region_mutex held, and 'physical + vma->vm_pgoff' is read under it; as an mmap action it would run after the hook has released the lock, when what the lock protects may be gone: keep .mmap, or make what is mapped outlive the lock [action-under-lock]
// CHECK: action-under-lock.c:121:2: warning: {{.*}}'guarded_mmap' needs manual steps
// CHECK-NEXT: action-under-lock.c:52:12: note: 'guarded_mmap' is defined here
// CHECK-NEXT: action-under-lock.c:57:9: note: remap_pfn_range() runs with guard(mutex) on r->lock held, and 'r->pfn' is read under it;{{.*}} [action-under-lock]
// CHECK: action-under-lock.c:124:2: warning: {{.*}}'scoped_mmap' needs manual steps
// CHECK-NEXT: action-under-lock.c:61:12: note: 'scoped_mmap' is defined here
// CHECK-NEXT: action-under-lock.c:67:9: note: remap_pfn_range() runs with guard(spinlock) on r->slock held, and 'r->pfn' is read under it;{{.*}} [action-under-lock]
// CHECK: action-under-lock.c:127:2: warning: {{.*}}'irqsave_mmap' needs manual steps
// CHECK-NEXT: action-under-lock.c:73:12: note: 'irqsave_mmap' is defined here
// CHECK-NEXT: action-under-lock.c:80:8: note: io_remap_pfn_range() runs with r->slock held, and 'r->pfn' is read under it;{{.*}} [action-under-lock]
// CHECK: action-under-lock.c:130:2: warning: {{.*}}'unlocked_mmap' can be converted to mmap_prepare automatically
// CHECK-NEXT: action-under-lock.c:88:12: note: 'unlocked_mmap' is defined here
// CHECK: action-under-lock.c:133:2: warning: {{.*}}'early_mmap' can be converted to mmap_prepare automatically
// CHECK-NEXT: action-under-lock.c:102:12: note: 'early_mmap' is defined here
