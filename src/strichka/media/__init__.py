"""media: every article image mirrored into strichka's own object store.

    keys.py     the key scheme: feed/<source id>/<md5 of URL>.<ext>, thumbnails <stem>.w<width>.webp
    store.py    ObjectStore protocol, LocalStore, open_object_store(settings); s3.py: S3Store
    images.py   pure: sniff and refuse bad bytes, thumbnails, perceptual hash (one decode)
    mirror.py   mirror_image(): fetch (injected) -> check -> store original and thumbnails
    rewrite.py  pure: point <img> at /media/ with srcset; unmirrored images keep their URL
    serve.py    media_response(): the /media/<key> answer (immutable cache, ETag/304, S3 redirect)
    gc.py       retention: unused objects, old originals (thumbnails stay)
    similar.py  Hamming distance between perceptual hashes: "same photo, other outlet"
"""
