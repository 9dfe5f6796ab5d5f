import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appError, deferred, emitResourcesChanged, mockBackend, renderApp } from "../test/backend";
import { imageOf, overviewOf, rowOfSnapshot, snapshotOf, vmOf } from "../features/storage/fixtures";
import type { Image } from "../features/storage/queries";
import { replaceText } from "../test/typing";

const train = vmOf("train-h100", "ACTIVE");
const dev = vmOf("dev-a6000", "ACTIVE", { region: "US-1" });
const trainA = snapshotOf("train-jan", { instance_id: train.id, instance_name: train.name });
const trainB = snapshotOf("train-feb", { instance_id: train.id, instance_name: train.name });
const devA = snapshotOf("dev-base", { instance_id: dev.id, instance_name: dev.name, region: "US-1", size_gb: 20 });
const building = snapshotOf("train-now", { status: "CREATING", instance_id: train.id, instance_name: train.name });

const v1 = imageOf("train-v1", {
  snapshot_id: trainA.id,
  snapshot_name: trainA.name,
  created_at: "2026-01-10T00:00:00Z",
  description: "CUDA 12 + PyTorch",
});
const v2 = imageOf("train-v2", {
  snapshot_id: trainB.id,
  snapshot_name: trainB.name,
  created_at: "2026-02-10T00:00:00Z",
  size_gb: 60,
});
const devImg = imageOf("dev-img", {
  snapshot_id: devA.id,
  snapshot_name: devA.name,
  region: "US-1",
  size_gb: 20,
  status: "CREATING",
  created_at: "2026-01-20T00:00:00Z",
});

function imagesSim() {
  let images: Image[] = [v1, v2, devImg];
  return {
    handlers: {
      storage_overview: () =>
        overviewOf({
          snapshots: [trainA, trainB, devA, building].map((s) => rowOfSnapshot(s)),
          images,
          eligible: [train, dev],
          instances: [train, dev],
        }),
      create_image: (a: Record<string, unknown>) => {
        const body = a.body as { snapshot_id: string; name: string; description: string | null };
        const image = imageOf(body.name, {
          id: "img-new",
          snapshot_id: body.snapshot_id,
          snapshot_name: "train-feb",
          status: "CREATING",
          description: body.description,
          created_at: "2026-03-01T00:00:00Z",
        });
        images = [...images, image];
        return { success: true, message: null, image, request_id: null };
      },
      delete_image: (a: Record<string, unknown>) => {
        images = images.filter((i) => i.id !== a.imageId);
        return { success: true, message: null, id: a.imageId, request_id: null };
      },
    } as Record<string, unknown>,
    set: (id: string, patch: Partial<Image>) => {
      images = images.map((i) => (i.id === id ? { ...i, ...patch } : i));
    },
  };
}

describe("images page", () => {
  it("lists images with their source snapshot and total storage, by region", async () => {
    mockBackend(imagesSim().handlers);
    renderApp("/images");
    expect(await screen.findByTestId("images-page")).toBeInTheDocument();
    const row = await screen.findByTestId("image-row-train-v1");
    expect(row).toHaveTextContent("40 GB");
    expect(row).toHaveTextContent("CANADA-1");
    expect(row).toHaveTextContent("CUDA 12 + PyTorch");
    expect(within(row).getByRole("link", { name: "train-jan" })).toHaveAttribute(
      "href",
      `/snapshots?details=${trainA.id}`,
    );
    expect(screen.getByTestId("image-status-train-v1")).toHaveTextContent("AVAILABLE");
    expect(screen.getByTestId("images-total-storage")).toHaveTextContent("120 GB");

    // Only Available images deploy, into the deploy wizard with the image picked.
    expect(screen.getByTestId("image-deploy-train-v1")).toHaveAttribute(
      "href",
      `/deploy?region=CANADA-1&boot=custom_image&image=${v1.id}&name=${encodeURIComponent(v1.name).replace(/%20/g, "+")}`,
    );
    expect(screen.getByTestId("image-deploy-dev-img")).toBeDisabled();

    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("region-select"), "US-1");
    expect(screen.getByTestId("images-total-storage")).toHaveTextContent("20 GB");
    expect(screen.queryByTestId("image-row-train-v1")).not.toBeInTheDocument();
  });

  it("groups versions under their source VM, newest first", async () => {
    mockBackend(imagesSim().handlers);
    renderApp("/images");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("images-group-toggle"));
    const group = screen.getByTestId("image-group-train-h100");
    expect(
      within(group)
        .getAllByTestId(/^image-row-/)
        .map((r) => r.dataset.testid),
    ).toEqual(["image-row-train-v2", "image-row-train-v1"]);
    expect(within(screen.getByTestId("image-group-dev-a6000")).getByTestId("image-row-dev-img")).toBeInTheDocument();
  });

  it("creates an image from the snapshot it was asked for; only SUCCESS snapshots can be picked", async () => {
    const sim = imagesSim();
    const answer = deferred<unknown>();
    const create = sim.handlers.create_image as (a: Record<string, unknown>) => unknown;
    let refuse = true;
    const backend = mockBackend({
      ...sim.handlers,
      create_image: async (a: Record<string, unknown>) => {
        if (refuse) {
          refuse = false;
          throw appError("InsufficientCredits", "balance too low");
        }
        await answer.promise;
        return create(a);
      },
    });
    renderApp(`/images?create=${trainB.id}`);
    const dialog = await screen.findByTestId("image-dialog");
    const select = within(dialog).getByTestId("image-snapshot");
    expect(select).toHaveValue(trainB.id);
    const buildingOption = within(select).getByRole("option", { name: /train-now/ });
    expect(buildingOption).toBeDisabled();
    expect(buildingOption).toHaveTextContent("CREATING, not ready");
    expect(screen.getByTestId("image-region-note")).toHaveTextContent("created in CANADA-1");

    const user = userEvent.setup();
    await user.click(screen.getByTestId("image-submit"));
    expect(await screen.findByTestId("image-name-error")).toHaveTextContent("A name is required.");
    await replaceText(user, "image-name", "Train-V1");
    await waitFor(() =>
      expect(screen.getByTestId("image-name-error")).toHaveTextContent('An image named "train-v1" already exists'),
    );
    await replaceText(user, "image-name", "train-v3");
    await waitFor(() => expect(screen.queryByTestId("image-name-error")).not.toBeInTheDocument());
    expect(screen.getByTestId("image-name-counter")).toHaveTextContent("8/50");
    await user.type(screen.getByTestId("image-description"), "feb weights");

    await user.click(screen.getByTestId("image-submit"));
    expect(await screen.findByTestId("image-error")).toHaveTextContent("balance too low");
    expect(screen.getByTestId("image-dialog")).toBeInTheDocument();

    await user.click(screen.getByTestId("image-submit"));
    await waitFor(() => expect(screen.getByTestId("image-submit")).toHaveTextContent("Creating…"));
    expect(screen.getByTestId("image-submit")).toBeDisabled();
    answer.resolve(undefined);
    await waitFor(() => expect(screen.queryByTestId("image-dialog")).not.toBeInTheDocument());
    expect(backend.called("create_image").at(-1)!.args.body).toEqual({
      snapshot_id: trainB.id,
      name: "train-v3",
      description: "feb weights",
    });
    expect(await screen.findByTestId("image-status-train-v3")).toHaveTextContent("CREATING");

    sim.set("img-new", { status: "AVAILABLE" });
    await emitResourcesChanged({ kinds: ["images"] });
    await waitFor(() => expect(screen.getByTestId("image-status-train-v3")).toHaveTextContent("AVAILABLE"));
    expect(screen.getByTestId("image-deploy-train-v3")).toHaveAttribute(
      "href",
      expect.stringContaining("image=img-new"),
    );
  });

  it("shows an image's properties and metadata", async () => {
    mockBackend(imagesSim().handlers);
    renderApp("/images");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("image-details-train-v2"));
    const details = screen.getByTestId("image-details");
    expect(details).toHaveTextContent(v2.id);
    expect(details).toHaveTextContent("train-feb");
    expect(details).toHaveTextContent("train-h100");
    expect(details).toHaveTextContent("Private to your account");
  });

  it("asks before deleting an image, saying VMs made from it are not affected", async () => {
    const backend = mockBackend(imagesSim().handlers);
    renderApp("/images");
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("image-delete-train-v1"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Delete image train-v1?");
    expect(dialog).toHaveTextContent("VMs deployed from it are not affected");
    await user.click(screen.getByTestId("confirm-delete"));
    await waitFor(() => expect(screen.queryByTestId("image-row-train-v1")).not.toBeInTheDocument());
    expect(backend.called("delete_image")[0]!.args).toEqual({ imageId: v1.id });
  });
});
