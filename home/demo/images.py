"""Pictures for the demo content, drawn here with Pillow in the site's palette (nothing is
downloaded): a town of houses with the spaces between them, a table where people meet, paths
through green, and organisations' logos with their initials.

Each picture is drawn from its title, so a picture is the same every time; ``ensure_image`` looks it
up by title and draws only what is missing.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

# The site's colours (arena/static/css/site.css), and lighter tints of them for backgrounds.
BRAND = "#0b4f6c"
BRAND_DARK = "#083a50"
ACCENT = "#b8430c"
NARINGSLIV = "#7a3b00"
SUN = "#ffbf47"
GREEN = "#1e6b34"
SOFT = "#f2f5f7"
SKY = "#d7e6ee"
SAND = "#f3e3d6"
TINTS = ["#5b8fa6", "#8fb3c4", "#c98a5e", "#e2b48f", "#6f9a7a"]

# Drawn at twice the size and scaled down, which smooths the edges.
SCALE = 2


def ensure_image(command, title, description, motif, size=(1200, 675)):
    """The image titled ``title``, drawn with ``motif`` ("town", "meeting", "paths") if missing."""
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        picture = draw(motif, size, random.Random(title))  # noqa: S311 - a picture, not a secret
        image = save_image(title, description, picture)
        command.created.append(f"bilden {title}")
    return image


def ensure_logo(command, name, sector_colour):
    """The logo of the organisation ``name``: its initials on a tile of its sector's colour."""
    title = f"Logotyp {name}"
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        image = save_image(title, f"Logotypen för {name}", draw_logo(name, sector_colour))
        command.created.append(f"logotypen för {name}")
    return image


def save_image(title, description, picture):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image = get_image_model()(title=title, description=description)
    image.file = ImageFile(buffer, name=f"{slug(title)}.png")
    # Size and hash, as Wagtail's upload form sets them (the hash is part of each rendition's key).
    image._set_image_file_metadata()
    image.save()
    return image


def slug(text):
    table = str.maketrans("åäöéÅÄÖÉ", "aaoeaaoe")
    return "".join(char if char.isalnum() else "-" for char in text.translate(table).lower()).strip("-")


def draw(motif, size, rng):
    width, height = size[0] * SCALE, size[1] * SCALE
    picture = Image.new("RGB", (width, height), SOFT)
    canvas = ImageDraw.Draw(picture)
    {"town": draw_town, "meeting": draw_meeting, "paths": draw_paths}[motif](canvas, width, height, rng)
    return picture.resize(size, Image.Resampling.LANCZOS)


def draw_town(canvas, width, height, rng):
    """Houses of different heights against the sky, with the spaces between them lit up."""
    canvas.rectangle([0, 0, width, height], fill=SKY)
    sun = rng.uniform(0.55, 0.85) * width
    radius = height * 0.13
    canvas.ellipse([sun - radius, height * 0.12, sun + radius, height * 0.12 + 2 * radius], fill=SUN)
    ground = height * 0.82
    x = -rng.uniform(0, width * 0.05)
    while x < width:
        house_width = rng.uniform(0.08, 0.16) * width
        house_height = rng.uniform(0.25, 0.6) * height
        colour = rng.choice([BRAND, BRAND_DARK, NARINGSLIV, TINTS[0]])
        top = ground - house_height
        canvas.rectangle([x, top, x + house_width, ground], fill=colour)
        if rng.random() < 0.4:
            roof = [(x, top), (x + house_width / 2, top - house_width * 0.4), (x + house_width, top)]
            canvas.polygon(roof, fill=colour)
        window = house_width / 7
        for row in range(int(house_height // (window * 2.2)) - 1):
            for column in range(3):
                left = x + window * (1 + column * 2)
                upper = top + window * (1 + row * 2.2)
                lit = rng.random() < 0.35
                canvas.rectangle([left, upper, left + window, upper + window * 1.3], fill=SUN if lit else SOFT)
        gap = rng.uniform(0.015, 0.05) * width
        # The space between two houses: where the association's ideas grow.
        canvas.rectangle([x + house_width, ground - height * 0.06, x + house_width + gap, ground], fill=ACCENT)
        x += house_width + gap
    canvas.rectangle([0, ground, width, height], fill=GREEN)
    canvas.rectangle([0, ground, width, ground + height * 0.015], fill=TINTS[4])


def draw_meeting(canvas, width, height, rng):
    """People from both sectors around a table, seen from above, with cups and papers."""
    canvas.rectangle([0, 0, width, height], fill=rng.choice([SAND, SKY]))
    centre_x, centre_y = width / 2, height / 2
    table_w, table_h = width * 0.34, height * 0.3
    people = rng.randint(9, 12)
    for index in range(people):
        angle = index / people
        x = centre_x + (table_w + width * 0.06) * math.cos(angle * math.tau)
        y = centre_y + (table_h + height * 0.11) * math.sin(angle * math.tau)
        body = width * 0.055
        colour = BRAND if index % 2 else NARINGSLIV
        canvas.ellipse([x - body * 1.5, y - body, x + body * 1.5, y + body], fill=colour)
        canvas.ellipse([x - body * 0.6, y - body * 0.6, x + body * 0.6, y + body * 0.6], fill=rng.choice(TINTS[2:4]))
    canvas.ellipse([centre_x - table_w, centre_y - table_h, centre_x + table_w, centre_y + table_h], fill="#ffffff")
    for _ in range(6):
        x = centre_x + rng.uniform(-0.75, 0.75) * table_w
        y = centre_y + rng.uniform(-0.55, 0.55) * table_h
        cup = width * 0.014
        canvas.ellipse([x - cup, y - cup, x + cup, y + cup], fill=ACCENT)
        paper_x = x + rng.uniform(0.04, 0.08) * width
        canvas.rectangle([paper_x, y - cup * 2, paper_x + cup * 3, y + cup * 2], fill=SKY)
    spot = width * 0.045
    canvas.ellipse([centre_x - spot, centre_y - spot, centre_x + spot, centre_y + spot], fill=SUN)


def draw_paths(canvas, width, height, rng):
    """Green hills with paths that meet between them."""
    canvas.rectangle([0, 0, width, height], fill=SKY)
    for layer, colour in enumerate([TINTS[4], GREEN, BRAND_DARK]):
        top = height * (0.35 + layer * 0.17)
        points = [(0, height)]
        steps = 8
        for step in range(steps + 1):
            points.append((width * step / steps, top + rng.uniform(-0.06, 0.06) * height))
        points.append((width, height))
        canvas.polygon(points, fill=colour)
    line = width * 0.012
    for _ in range(3):
        start = (rng.uniform(0, width), height)
        meet = (width * rng.uniform(0.4, 0.6), height * 0.5)
        canvas.line([start, meet], fill=SUN, width=int(line))
    sun = width * 0.09
    x = rng.uniform(0.15, 0.35) * width
    canvas.ellipse([x - sun, height * 0.08, x + sun, height * 0.08 + 2 * sun], fill=ACCENT)


def draw_logo(name, colour, size=400):
    """The organisation's initials (at most three) in white on a rounded tile of its colour."""
    big = size * SCALE
    picture = Image.new("RGB", (big, big), "#ffffff")
    canvas = ImageDraw.Draw(picture)
    canvas.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 0.18, fill=colour)
    canvas.rectangle([big * 0.18, big * 0.76, big * 0.82, big * 0.8], fill=SUN)
    words = [word for word in name.replace("&", " ").split() if word[0].isupper() and word not in {"AB"}]
    initials = "".join(word[0] for word in words[:3])
    font = ImageFont.load_default(size=int(big * (0.42 if len(initials) < 3 else 0.32)))
    canvas.text((big / 2, big * 0.45), initials, fill="#ffffff", font=font, anchor="mm")
    return picture.resize((size, size), Image.Resampling.LANCZOS)
