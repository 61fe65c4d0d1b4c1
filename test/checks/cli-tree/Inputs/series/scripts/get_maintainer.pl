#!/usr/bin/perl
# A stand-in for the kernel's scripts/get_maintainer.pl (patch-series.test).
# Reads the MAINTAINERS of the current directory and prints, for the files
# the patch given last touches, what the real script prints with
# --no-git --no-git-fallback --roles --no-rolestats: maintainers, then
# reviewers, then lists. THE REST adds its list only. A patch touching a
# file named "broken" fails, as a script that cannot read it would.
use strict;
use warnings;

-f "MAINTAINERS" or die "get_maintainer.pl: not at the top of a tree\n";
# The real script's answer depends on Perl's hash order when one person has
# roles in two sections: the tool must fix the seed.
($ENV{PERL_HASH_SEED} // '') eq '0' && ($ENV{PERL_PERTURB_KEYS} // '') eq '0'
    or die "get_maintainer.pl: run without PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0\n";
open(my $patch, '<', $ARGV[-1]) or die "get_maintainer.pl: $ARGV[-1]: $!\n";
my @files = map { m{^\+\+\+ b/(\S+)} ? ($1) : () } <$patch>;
die "get_maintainer.pl: cannot map $_\n" for grep { /broken/ } @files;

local $/ = "";    # one section a paragraph
open(my $m, '<', "MAINTAINERS") or die;
my (@to, @rev, @lists);
while (my $section = <$m>) {
    my ($title, @lines) = split /\n/, $section;
    my @pats = map { /^F:\s*(\S+)/ ? ($1) : () } @lines;
    my $all = grep { $_ eq '*' } @pats;
    next unless $all || grep { my $f = $_; grep { index($f, $_) == 0 } @pats } @files;
    my $role = $all ? "" : ":$title";
    for (@lines) {
        push @to, "$1 (maintainer$role)" if /^M:\s*(.+)$/ && !$all;
        push @rev, "$1 (reviewer$role)" if /^R:\s*(.+)$/;
        push @lists, "$1 (" . ($2 ? "moderated list" : "open list") . "$role)"
            if /^L:\s*(\S+)( \(moderated)?/;
    }
}
my %seen;
print "$_\n" for grep { !$seen{$_}++ } @to, @rev, @lists;
