// Every page of the app: its slug (routes, test ids), sidebar label, icon and purpose.

import {
  Camera,
  CreditCard,
  FileCode,
  HardDrive,
  KeyRound,
  Layers,
  LayoutDashboard,
  MessagesSquare,
  Rocket,
  Server,
  Settings,
  Shield,
  type LucideIcon,
} from "lucide-react";

export type PageSlug =
  | "dashboard"
  | "deploy"
  | "instances"
  | "images"
  | "snapshots"
  | "volumes"
  | "firewalls"
  | "ssh-keys"
  | "scripts"
  | "billing"
  | "ai-chat"
  | "settings";

export type PageInfo = {
  slug: PageSlug;
  label: string;
  icon: LucideIcon;
  /** One line: what the page is for (shown under its title). */
  purpose: string;
  /** The palette's action that opens the page's create dialog (`?new=1`, see ListPage). */
  create?: string;
};

export const PAGES: readonly PageInfo[] = [
  {
    slug: "dashboard",
    label: "Dashboard",
    icon: LayoutDashboard,
    purpose: "Your VMs with their live state and cost, and your account at a glance.",
  },
  {
    slug: "deploy",
    label: "Deploy VM",
    icon: Rocket,
    purpose:
      "Pick a GPU, region, boot source (OS, volume or custom image), SSH keys and options, see the price, and deploy.",
  },
  {
    slug: "instances",
    label: "Instances",
    icon: Server,
    purpose: "Every VM with its state and cost: start, stop, reboot, hibernate, restore or delete it.",
  },
  {
    slug: "images",
    label: "Images",
    icon: Layers,
    purpose: "Custom images made from snapshots, private to your account, to deploy new VMs from.",
    create: "Create image",
  },
  {
    slug: "snapshots",
    label: "Snapshots",
    icon: Camera,
    purpose: "Point-in-time copies of VMs per region: create, restore to a new VM, turn into an image, delete.",
    create: "Create snapshot",
  },
  {
    slug: "volumes",
    label: "Volumes",
    icon: HardDrive,
    purpose: "Block storage per region: create, attach, detach, resize, clone and delete volumes.",
    create: "Create volume",
  },
  {
    slug: "firewalls",
    label: "Firewalls",
    icon: Shield,
    purpose: "Reusable sets of inbound rules: create them, edit their rules, attach them to VMs.",
    create: "Create firewall",
  },
  {
    slug: "ssh-keys",
    label: "SSH Keys",
    icon: KeyRound,
    purpose: "Create or import the SSH keys that let you log in to your VMs.",
    create: "Create SSH key",
  },
  {
    slug: "scripts",
    label: "Startup Scripts",
    icon: FileCode,
    purpose: "A library of scripts that run when a VM first boots, to pick in the deploy wizard.",
    create: "New startup script",
  },
  {
    slug: "billing",
    label: "Billing & Credits",
    icon: CreditCard,
    purpose: "Balances per currency, usage by instance, volume and snapshot over time, and adding credits.",
  },
  {
    slug: "ai-chat",
    label: "AI Chat",
    icon: MessagesSquare,
    purpose: "Chat with Barrack's hosted models, with a usage and cost history.",
    create: "New AI conversation",
  },
  {
    slug: "settings",
    label: "Settings",
    icon: Settings,
    purpose: "Accounts, theme, polling, notifications and a connection check.",
  },
];

export function pagePath(slug: PageSlug): string {
  return `/${slug}`;
}

/** The link that opens a page with its create dialog open (the palette's "Create …"). */
export function createPath(slug: PageSlug): string {
  return `${pagePath(slug)}?new=1`;
}

export function pageBySlug(slug: PageSlug): PageInfo {
  const page = PAGES.find((p) => p.slug === slug);
  if (!page) throw new Error(`unknown page ${slug}`);
  return page;
}
