"""Answer sets that together use every input kind, branch, fusion and task.

Each set has a short `id`, and `all_tests` where its generated tests marked
slow run too; the rest are Copier answers. Sizes are small so that each
project trains in seconds. The examples in examples/ are rendered
beside these, and test_matrix.py checks that the sets cover what they claim.
"""

# An input name as long as the validators accept (32 characters), so that
# generated lines have to wrap.
LONG_NAME = "vibration_spectrum_of_gear_teeth"

MATRIX = [
    {
        "id": "text_gru_multilabel",
        "all_tests": True,
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
    {
        "id": "variable_sequence_regression",
        "all_tests": True,
        "project_name": "Fused sensors",
        "package_name": "fused_sensors",
        "inputs": [
            {
                "name": LONG_NAME,
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
    {
        "id": "tokens_sequence_multiclass",
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
    {
        "id": "numeric_variable_binary",
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
    {
        "id": "text_sequence_binary",
        "project_name": "Titles and tags",
        "package_name": "titles_tags",
        "inputs": [
            {
                "name": "title",
                "kind": "text",
                "sequence_length": 8,
                "vocabulary_size": 100,
                "embedding_dim": 4,
                "branch": "lstm",
                "units": [4],
            },
            {
                "name": "tags",
                "kind": "token_ids",
                "sequence_length": 8,
                "vocabulary_size": 30,
                "embedding_dim": 4,
                "branch": "bidirectional_gru",
                "units": [4],
                "dropout": 0.1,
            },
        ],
        "fusion": "sequence",
        "fusion_units": [8],
        "task": "binary",
    },
    {
        "id": "long_names_regression",
        "project_name": "Gearbox wear",
        "package_name": "gearbox_wear",
        "inputs": [
            {
                "name": LONG_NAME,
                "kind": "series",
                "timesteps": 6,
                "features": 2,
                "branch": "lstm",
                "units": [8],
                "dropout": 0.1,
            },
            {
                "name": "oil_temperature_in_the_gearbox",
                "kind": "series",
                "timesteps": 4,
                "features": 1,
                "branch": "gru",
                "units": [4],
            },
        ],
        "head_units": [8],
        "head_dropout": 0.1,
        "task": "regression",
        "num_targets": 1,
        "target_name": "hours_of_useful_life_remaining",
    },
]
