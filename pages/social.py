"""What a shared link shows on social networks when a page has no image or text of its own."""

DEFAULT_SOCIAL_IMAGE = "img/share-default.png"
DEFAULT_SOCIAL_IMAGE_SIZE = (1200, 630)
DESCRIPTION_LENGTH = 200
