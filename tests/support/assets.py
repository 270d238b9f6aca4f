"""The vendored web assets: sha256 of each file as its npm package ships it."""

from __future__ import annotations

# sha256 of the files as `npm pack <pkg>@<version>` ships them (see static/vendor/README.md).
PINNED = {
    "react-18.2.0/react.production.min.js": (
        "4b4969fa4ef3594324da2c6d78ce8766fbbc2fd121fff395aedf997db0a99a06"
    ),
    "react-18.2.0/LICENSE": "52412d7bc7ce4157ea628bbaacb8829e0a9cb3c58f57f99176126bc8cf2bfc85",
    "react-dom-18.2.0/react-dom.production.min.js": (
        "21758ed084cd0e37e735722ee4f3957ea960628a29dfa6c3ce1a1d47a2d6e4f7"
    ),
    "react-dom-18.2.0/LICENSE": "52412d7bc7ce4157ea628bbaacb8829e0a9cb3c58f57f99176126bc8cf2bfc85",
    "graphiql-3.8.3/graphiql.min.js": (
        "22faab94067b695e5f7959619fbe686ebcc8955002a0c97d986bcbba4ad4bc2c"
    ),
    "graphiql-3.8.3/graphiql.min.css": (
        "b1868247f8e0502cd869e581f5f3cb55b334862e7f51b1d6cbace11059b9adc2"
    ),
    "graphiql-3.8.3/LICENSE": "4b18fbe55c4e8f9169cb702be138f4d858a2dad920c39857204ffdc9c1c9fdc4",
    "graphiql-plugin-explorer-1.0.2/index.umd.js": (
        "083e37e501d3e3920a60e627b82191af056009124dce82a332e8ac74db6ca38b"
    ),
    "graphiql-plugin-explorer-1.0.2/style.css": (
        "762850cb69873400d0ab1737c6158aee91f5c38195bc4a30ee02a3c5d5af4e01"
    ),
    "graphiql-plugin-explorer-1.0.2/LICENSE": (
        "4b18fbe55c4e8f9169cb702be138f4d858a2dad920c39857204ffdc9c1c9fdc4"
    ),
}
