// mmap_action_map_kernel_pages[_full]() keeps the array pointer: the core
// maps the pages after the hook returned. An array local to the hook is
// dead by then; one that outlives the mapping is fine.
// RUN: %expect-exit 1 %mpl --checks=-*,mmap-prepare-api-misuse %s -- %kflags \
// RUN:   | %FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <linux/fs.h>
#include <linux/mm.h>

struct ring {
	struct page *pages[4];
	struct page *first;
};

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

static const struct file_operations fops[] = {
	{ .mmap_prepare = local_prepare },
	{ .mmap_prepare = through_pointer_prepare },
	{ .mmap_prepare = lasting_prepare },
};
