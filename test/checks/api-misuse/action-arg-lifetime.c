// mmap_action_map_kernel_pages[_full]() keeps the array pointer: the core
// maps the pages after the hook returned. An array local to the hook is
// dead by then; one that outlives the mapping is fine. An argument read
// under a lock the hook releases before returning (fs/resctrl/pseudo_lock.c
// in Linux 7.3) describes memory the lock kept alive until the unlock: the
// action uses it after. A lock released before the action, or an argument
// built only from the descriptor, is fine.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s --checks=-*,mmap-prepare-api-misuse

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>

struct ring {
	struct page *pages[4];
	struct page *first;
	void *kmem;
	unsigned long base_pfn;
	struct mutex lock;
};

static DEFINE_MUTEX(ring_mutex);

static int local_prepare(struct vm_area_desc *desc)
{
	struct ring *r = desc->file->private_data;
	struct page *pages[4] = { r->first, r->first, r->first, r->first };

	mmap_action_map_kernel_pages_full(desc, pages);
	return 0;
}
// CHECK: action-arg-lifetime.c:[[@LINE-3]]:42: warning: mmap_action_map_kernel_pages_full() keeps a pointer to 'pages', which is local to the hook; the core maps the pages after the hook has returned and reads a dead array: use an array that outlives the mapping [mmap-prepare-api-misuse]

static int through_pointer_prepare(struct vm_area_desc *desc)
{
	struct ring *r = desc->file->private_data;
	struct page *one = r->first;
	struct page **p = &one;

	mmap_action_map_kernel_pages(desc, desc->start, p, 1);
	return 0;
}
// CHECK: action-arg-lifetime.c:[[@LINE-3]]:50: warning: mmap_action_map_kernel_pages() keeps a pointer to 'one', which is local to the hook{{.*}} [mmap-prepare-api-misuse]

static int lasting_prepare(struct vm_area_desc *desc)
{
	struct ring *r = desc->file->private_data;
	struct page **pages = r->pages;

	mmap_action_map_kernel_pages_full(desc, pages);
	return 0;
}

static int locked_prepare(struct vm_area_desc *desc)
{
	struct ring *r;
	unsigned long physical;

	mutex_lock(&ring_mutex);
	r = desc->file->private_data;
	if (!r) {
		mutex_unlock(&ring_mutex);
		return -ENODEV;
	}
	physical = __pa(r->kmem) >> PAGE_SHIFT;
	mmap_action_remap_full(desc, physical + desc->pgoff);
	mutex_unlock(&ring_mutex);
	return 0;
}
// CHECK: action-arg-lifetime.c:[[@LINE-4]]:31: warning: mmap_action_remap_full() is given 'physical + desc->pgoff', read under ring_mutex, which the hook releases before returning; the action maps it after the release, when what the lock protects may be gone [mmap-prepare-api-misuse]

static int guarded_prepare(struct vm_area_desc *desc)
{
	struct ring *r = desc->file->private_data;

	guard(mutex)(&r->lock);
	mmap_action_map_kernel_pages_full(desc, r->pages);
	return 0;
}
// CHECK: action-arg-lifetime.c:[[@LINE-3]]:42: warning: mmap_action_map_kernel_pages_full() is given 'r->pages', read under guard(mutex) on r->lock, which the hook releases{{.*}} [mmap-prepare-api-misuse]

static int unlocked_prepare(struct vm_area_desc *desc)
{
	struct ring *r = desc->file->private_data;
	unsigned long pfn;

	mutex_lock(&r->lock);
	pfn = r->base_pfn;
	mutex_unlock(&r->lock);
	mmap_action_remap_full(desc, pfn + desc->pgoff);
	return 0;
}

static int descriptor_only_prepare(struct vm_area_desc *desc)
{
	mutex_lock(&ring_mutex);
	mmap_action_remap_full(desc, desc->pgoff);
	mutex_unlock(&ring_mutex);
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = local_prepare },
	{ .mmap_prepare = through_pointer_prepare },
	{ .mmap_prepare = lasting_prepare },
	{ .mmap_prepare = locked_prepare },
	{ .mmap_prepare = guarded_prepare },
	{ .mmap_prepare = unlocked_prepare },
	{ .mmap_prepare = descriptor_only_prepare },
};
