"""PyTorch's column of `npm run bench -- --train` (docs/benchmarks.md): the page's default network
(conv 3x3x8 same, ReLU, max pool 2, conv 3x3x16 same, ReLU, max pool 2, flatten, dense 10), Adam 1e-3,
batch 32, on Fashion-MNIST images 0-8999 read from the same .gz files, on one thread. Times the epochs
(training only) and prints one JSON line: seconds per epoch, held-out accuracy, torch version, threads.

Usage: python3 tests/bench/trainTorch.py DATA_DIR [EPOCHS] [SEED]
"""

import gzip
import json
import sys
import time

import numpy as np
import torch
from torch import nn


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    data_dir = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    # One thread: the comparison ("PyTorch takes about 1.7 s an epoch on one thread").
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    images = idx(f"{data_dir}/t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28)
    labels = idx(f"{data_dir}/t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
    x = torch.from_numpy(images.astype(np.float32) / 255)
    y = torch.from_numpy(labels)
    train_x, train_y = x[:9000], y[:9000]
    held_x, held_y = x[9000:10000], y[9000:10000]

    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 7 * 7, 10),
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    seconds = []
    for _ in range(epochs):
        order = torch.randperm(9000)
        start = time.perf_counter()
        for at in range(0, 9000, 32):
            batch = order[at : at + 32]
            optimizer.zero_grad()
            loss = loss_fn(model(train_x[batch]), train_y[batch])
            loss.backward()
            optimizer.step()
        seconds.append(time.perf_counter() - start)
    with torch.no_grad():
        accuracy = (model(held_x).argmax(1) == held_y).float().mean().item()
    print(
        json.dumps(
            {
                "secondsPerEpoch": seconds,
                "heldOutAccuracy": accuracy,
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
            }
        )
    )


if __name__ == "__main__":
    main()
