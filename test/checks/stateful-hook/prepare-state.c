// An mmap_prepare hook may run for a mapping that is then merged or fails:
// allocations, references, counters and held locks leak.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-stateful-hook

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct dev {
	struct kref ref;
	struct mutex lock;
	int maps;
	struct device *dev;
	atomic_t users;
	struct mm_struct *owner;
};

static struct dev *last_mapped;

struct window {
	unsigned long base, len;
};

static int state_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;
	void *p = kzalloc(64, GFP_KERNEL);
// CHECK: prepare-state.c:[[@LINE-1]]:12: warning: the mmap hook calls kzalloc()
	kref_get(&d->ref);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook changes d->ref with kref_get()
	pm_runtime_get_sync(d->dev);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook calls pm_runtime_get_sync()
	mutex_lock(&d->lock);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook can return with &d->lock still locked (no matching mutex_unlock())
	d->maps++;
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook updates d->maps, which outlives the hook
	atomic_set(&d->users, 1);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook changes d->users with atomic_set()
	d->owner = desc->mm;
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook stores to d->owner, which outlives the hook; a merged or failed mapping would leave it changed
	last_mapped = d;
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook stores to last_mapped, which outlives the hook
	desc->private_data = p;
	return 0;
}

/* A hook that requests an action: the advice says what ->close must do. */
static int action_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;

	atomic_inc(&d->users);
// CHECK: prepare-state.c:[[@LINE-1]]:2: warning: the mmap hook changes d->users with atomic_inc(); the hook may run for a mapping that is then merged or fails, so the count would stay wrong: the hook requests an action, and a failing action skips vm_ops->mapped but still calls ->close, so state moved to ->mapped (7.1+) needs a ->close that undoes only what ->mapped took; or keep .mmap
	mmap_action_remap_full(desc, 0x1000);
	return 0;
}

static int clean_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;
	struct window w, *wp = &w;
	int local = 0;

	mutex_lock(&d->lock);
	local++;
	w.base = desc->start;
	wp->len = vma_desc_size(desc);
	desc->pgoff += local;
	if (atomic_read(&d->users) > 1)
		local = 2;
	mutex_unlock(&d->lock);
	return local == 2 ? -EBUSY : 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = state_prepare },
	{ .mmap_prepare = clean_prepare },
	{ .mmap_prepare = action_prepare },
};
