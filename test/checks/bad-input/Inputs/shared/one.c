#include "hook.h"
int one(void) { return 1; }
