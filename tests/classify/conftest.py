import os

# Prove the embedder never reaches a model hub: any hub access would fail with these set.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
