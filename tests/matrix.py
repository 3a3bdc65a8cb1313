"""Answer sets that together use every input kind, branch, fusion and task.

Sizes are small so that each project trains in seconds. The examples in
examples/ are rendered beside these.
"""

MATRIX = {
    "text_gru_multilabel": {
        "project_name": "Reviews and prices",
        "package_name": "reviews",
        "inputs": [
            {
                "name": "review",
                "kind": "text",
                "sequence_length": 12,
                "vocabulary_size": 200,
                "embedding_dim": 8,
                "branch": "gru",
                "units": [16, 8],
                "dropout": 0.1,
            },
            {
                "name": "prices",
                "kind": "series",
                "timesteps": 12,
                "features": 2,
                "branch": "bidirectional_gru",
                "units": 8,
            },
            {"name": "extras", "kind": "numeric", "features": 3, "units": [8, 4]},
        ],
        "head_units": [16, 8],
        "head_dropout": 0.25,
        "head_normalization": "batch",
        "task": "multilabel",
        "num_labels": 3,
        "class_names": ["urgent", "refund", "praise"],
        "target_name": "labels",
    },
    "sequence_fusion_regression": {
        "project_name": "Fused sensors",
        "package_name": "fused_sensors",
        "inputs": [
            {
                "name": "a_long_input_name_for_wrapping_",
                "kind": "variable_series",
                "max_timesteps": 15,
                "features": 2,
                "branch": "none",
            },
            {
                "name": "gyro",
                "kind": "variable_series",
                "max_timesteps": 15,
                "features": 3,
                "branch": "bidirectional_lstm",
                "units": [8],
            },
        ],
        "fusion": "sequence",
        "fusion_units": [16, 8],
        "head_units": [8],
        "head_normalization": "layer",
        "task": "regression",
        "num_targets": 2,
    },
    "tokens_series_multiclass": {
        "project_name": "Tokens and steps",
        "package_name": "tokens_steps",
        "inputs": [
            {
                "name": "tokens",
                "kind": "token_ids",
                "sequence_length": 10,
                "vocabulary_size": 50,
                "embedding_dim": 8,
                "branch": "lstm",
                "units": [8, 8],
            },
            {
                "name": "steps",
                "kind": "series",
                "timesteps": 10,
                "features": 1,
                "branch": "gru",
                "units": [8],
            },
        ],
        "fusion": "sequence",
        "fusion_units": [8],
        "task": "multiclass",
        "num_classes": 3,
    },
    "numeric_only_binary": {
        "project_name": "Plain features",
        "package_name": "plain_features",
        "inputs": [
            {
                "name": "features",
                "kind": "numeric",
                "features": 6,
                "branch": "dense",
                "units": [16],
                "dropout": 0.2,
            },
            {
                "name": "history",
                "kind": "variable_series",
                "max_timesteps": 9,
                "features": 1,
                "branch": "bidirectional_lstm",
                "units": [8, 4],
            },
        ],
        "task": "binary",
    },
}
