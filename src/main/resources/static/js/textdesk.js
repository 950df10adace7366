// TextDesk's shared page behaviour. Loaded on every page; each part acts only where its elements exist.
"use strict";
