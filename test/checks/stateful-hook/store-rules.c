// Which stores are state: a store into the memory the hook just allocated is
// the allocation's (reported once, at the allocation); a helper that writes
// its result through an out-parameter takes no state; an atomic call names
// the counter, not its first argument.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-stateful-hook

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct dev {
	atomic_t users;
};

struct info {
	int status;
	unsigned long size;
};

struct priv {
	int gref;
	int users;
};

static void get_info(struct dev *d, struct info *out)
{
	out->status = 1;
	out->size = 4096;
}

static int fresh_prepare(struct vm_area_desc *desc)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);
// CHECK: store-rules.c:[[@LINE-1]]:19: warning: the mmap hook calls kzalloc()
	struct priv *q;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
// CHECK: store-rules.c:[[@LINE-1]]:6: warning: the mmap hook calls kzalloc()
	if (!p || !q)
		return -ENOMEM;
	p->gref = 1;
	p->users = 1;
	q->users = 1;
	desc->private_data = p;
	return 0;
}

static int out_param_prepare(struct vm_area_desc *desc)
{
	struct dev *d = desc->file->private_data;
	struct info info;

	get_info(d, &info);
	if (info.size < vma_desc_size(desc))
		return -EINVAL;
	atomic_add(2, &d->users);
// CHECK: store-rules.c:[[@LINE-1]]:2: warning: the mmap hook changes d->users with atomic_add()
	return 0;
}

struct flex_priv {
	void *owner;
	unsigned int count;
	struct page *pages[];
};

// An allocator macro that is a statement expression (kzalloc_flex() sets the
// counter inside it) is the allocation, and stores into its result are its.
static int flex_prepare(struct vm_area_desc *desc)
{
	struct flex_priv *p;

	p = kzalloc_flex(*p, pages, 4);
// CHECK: store-rules.c:[[@LINE-1]]:6: warning: the mmap hook calls kzalloc_flex(); the hook may run for a mapping that is then merged or fails, so the state would leak
	if (!p)
		return -ENOMEM;
	p->owner = desc->file;
	desc->private_data = p;
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = fresh_prepare },
	{ .mmap_prepare = out_param_prepare },
	{ .mmap_prepare = flex_prepare },
};
